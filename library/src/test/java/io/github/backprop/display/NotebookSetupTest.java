package io.github.backprop.display;

import io.github.backprop.train.TrainingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The setup line, Notebook.setup()")
class NotebookSetupTest {
    /** The jar of basekernel (IJava's display API) and of jjava-jupyter (JJava's), as they appear on the test class path. */
    static final String BASEKERNEL_JAR = "jupyter-jvm-basekernel";
    static final String JJAVA_JAR = "jjava-jupyter";
    /** The tests' own classes, which hold stand-ins for the kernels' classes. */
    static final String TEST_CLASSES = "test-classes";

    @BeforeEach
    void noKernelAttached() {
        Notebook.detach();
    }

    @Test
    @DisplayName("outside any kernel (both kernels' APIs present, no kernel running) says that no kernel was found, and live displays do nothing")
    void outsideAKernel() {
        assertEquals(Notebook.NO_KERNEL, Notebook.setup());
        assertNull(Notebook.sink());
        assertTrue(Notebook.NO_KERNEL.contains("no IJava or JJava kernel"), Notebook.NO_KERNEL);
    }

    @Test
    @DisplayName("in plain Java, with neither kernel's API on the class path, the library loads and setup() says no kernel was found")
    void plainJava() throws Throwable {
        try (URLClassLoader plain = loader(without(BASEKERNEL_JAR, JJAVA_JAR, TEST_CLASSES))) {
            assertThrows(ClassNotFoundException.class, () -> plain.loadClass("io.github.spencerpark.jupyter.kernel.BaseKernel"));
            assertThrows(ClassNotFoundException.class, () -> plain.loadClass("org.dflib.jjava.jupyter.kernel.BaseKernel"));
            Class<?> notebook = Class.forName(Notebook.class.getName(), true, plain);
            assertSame(plain, notebook.getClassLoader());
            // a direct call, as compiled code makes it (reflection's getMethod would load every overload's parameter types)
            assertEquals(Notebook.NO_KERNEL, MethodHandles.publicLookup().findStatic(notebook, "setup", MethodType.methodType(String.class)).invoke());
            Class<?> live = Class.forName(LiveTrainingDisplay.class.getName(), true, plain);
            Object listener = MethodHandles.publicLookup().findStatic(live, "create",
                    MethodType.methodType(Class.forName(TrainingListener.class.getName(), false, plain))).invoke();
            assertTrue(Class.forName(TrainingListener.class.getName(), false, plain).isInstance(listener), listener::toString);
        }
    }

    @Test
    @DisplayName("compiles without a warning against JJava's class path (its API, no basekernel)")
    void compilesInJJava(@TempDir Path out) {
        assertEquals(List.of(), compileSetupLine(without(BASEKERNEL_JAR, TEST_CLASSES), out));
    }

    @Test
    @DisplayName("compiles without a warning against IJava's class path (basekernel, no JJava API)")
    void compilesInIJava(@TempDir Path out) {
        assertEquals(List.of(), compileSetupLine(without(JJAVA_JAR, TEST_CLASSES), out));
    }

    @Test
    @DisplayName("compiles without a warning against a plain Java class path (neither kernel's API), as in JShell")
    void compilesInPlainJava(@TempDir Path out) {
        assertEquals(List.of(), compileSetupLine(without(BASEKERNEL_JAR, JJAVA_JAR, TEST_CLASSES), out));
    }

    /** Compiles a cell holding the setup line with every lint warning on; returns the diagnostics (none when clean). */
    private static List<String> compileSetupLine(List<String> classPath, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject cell = new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class Cell { Object result = io.github.backprop.display.Notebook.setup(); }";
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-Xlint:all", "-proc:none", "-classpath", String.join(File.pathSeparator, classPath),
                "-d", out.toString());
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, List.of(cell)).call();
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            messages.add(d.getKind() + ": " + d.getMessage(null));
        }
        assertTrue(compiled, messages::toString);
        return messages;
    }

    /** The test class path without the entries whose path contains any of {@code excluded}. */
    static List<String> without(String... excluded) {
        List<String> entries = new ArrayList<>();
        for (String entry : testClassPath()) {
            if (Arrays.stream(excluded).noneMatch(entry::contains)) {
                entries.add(entry);
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("classes")), "the library's classes are on the class path: " + entries);
        return entries;
    }

    private static List<String> testClassPath() {
        String path = System.getProperty("java.class.path");
        List<String> entries = Arrays.stream(path.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        assertTrue(entries.stream().anyMatch(e -> e.contains(BASEKERNEL_JAR)) && entries.stream().anyMatch(e -> e.contains(JJAVA_JAR)),
                "both kernels' API jars are on the test class path: " + path);
        return entries;
    }

    private static URLClassLoader loader(List<String> classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
