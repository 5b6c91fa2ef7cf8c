package io.github.backprop.display;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.RenderFunction;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Display in JJava, through jjava-jupyter 1.0-a6's own Renderer and extension loading")
class JJavaDisplayTest extends InlineDisplayContract {

    /**
     * A kernel like JJava's {@code JavaKernel}, built from JJava's API (1.0-a6) alone: a
     * {@code org.dflib.jjava.jupyter.kernel.BaseKernel} whose {@code addToClasspath} installs the
     * extensions of what it adds, as JJava's {@code %classpath} does, and which records what it displays.
     */
    static final class JJavaStandIn extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();
        final CountingRenderer counting;

        JJavaStandIn(boolean extensionsEnabled) {
            this(extensionsEnabled, new CountingRenderer());
        }

        private JJavaStandIn(boolean extensionsEnabled, CountingRenderer renderer) {
            super("JJava stand-in", "1.0-a6", new LanguageInfo("Java", "17", "text/x-java-source", ".jshell", "java", "java", null),
                    List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), renderer, null,
                    new MagicsRegistry(), extensionsEnabled, new StringStyler.Builder().build());
            this.counting = renderer;
        }

        /** What JJava's {@code %classpath PATH} does after adding PATH to JShell: installs the extensions found there. */
        void addToClasspath(Path path) {
            if (extensionsEnabled) {
                installExtensions(path.toString());
            }
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }

        @Override
        public Object evalRaw(String source) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }

        Object render(Object value, String mimeType) {
            return getRenderer().render(value).getData(MIMEType.parse(mimeType));
        }
    }

    /** JJava's Renderer, counting the render functions registered with it after the kernel's own. */
    static final class CountingRenderer extends Renderer {
        int registered;

        @Override
        public <T> void register(Set<MIMEType> supported, Set<MIMEType> preferred, Set<Class<? extends T>> types, RenderFunction<T> function) {
            registered++;
            super.register(supported, preferred, types, function);
        }
    }

    private final List<JJavaStandIn> started = new ArrayList<>();

    @AfterEach
    void kernelsStop() {
        started.forEach(k -> k.onShutdown(false));
        Notebook.detach();
    }

    /** Starts a kernel as JJava's main does: the notebook kernel of this JVM, with the extensions on its own class path. */
    private JJavaStandIn start(boolean extensionsEnabled) {
        JJavaStandIn kernel = new JJavaStandIn(extensionsEnabled);
        kernel.onStartup();
        started.add(kernel);
        return kernel;
    }

    /** The library's classes, as a %classpath cell would name its jar. */
    private static Path library() {
        try {
            return Path.of(Notebook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A kernel after the notebooks' first cell has added the library: JJava has installed the extension. */
    @Override
    Rendering kernelWithDisplaySetUp() {
        JJavaStandIn kernel = new JJavaStandIn(true);
        kernel.addToClasspath(library());
        return kernel::render;
    }

    @Test
    @DisplayName("the library's jar declares its Extension as a service JJava's ServiceLoader finds")
    void serviceDeclared() {
        List<Class<?>> extensions = ServiceLoader.load(Extension.class).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(extensions.contains(JJavaExtension.class), extensions::toString);
    }

    @Test
    @DisplayName("adding the library to the class path (%classpath) installs the renderers: before it a table is text only, after it HTML")
    void classpathInstallsTheRenderers() {
        JJavaStandIn kernel = new JJavaStandIn(true);
        htmlOnlyAfter(kernel::render, () -> kernel.addToClasspath(library()));
    }

    @Test
    @DisplayName("a kernel started with the library on its own class path (JJAVA_CLASSPATH) installs them at start-up")
    void startupInstallsTheRenderers() {
        JJavaStandIn kernel = start(true);
        assertNotNull(kernel.render(Table.create("t", IntColumn.create("n", 1, 2)), "text/html"));
    }

    @Test
    @DisplayName("Notebook.setup() then finds the kernel through BaseKernel.notebookKernel() and registers nothing twice")
    void setupAfterTheExtension() {
        int kernelsOwn = new JJavaStandIn(false).counting.registered;
        JJavaStandIn kernel = start(true);
        assertEquals(kernelsOwn + Renderings.ALL.size(), kernel.counting.registered);
        assertEquals(Notebook.READY, Notebook.setup());
        assertEquals(Notebook.READY, Notebook.setup());
        assertEquals(kernelsOwn + Renderings.ALL.size(), kernel.counting.registered);
    }

    @Test
    @DisplayName("with extensions switched off (JJAVA_LOAD_EXTENSIONS=false), Notebook.setup() registers the renderers itself")
    void setupWithoutExtensions() {
        JJavaStandIn kernel = start(false);
        kernel.addToClasspath(library());
        htmlOnlyAfter(kernel::render, () -> assertEquals(Notebook.READY, Notebook.setup()));
    }

    @Test
    @DisplayName("the live training display shows a PNG chart and a progress line, with display ids, in the JJava kernel")
    void liveDisplayInTheKernel() {
        JJavaStandIn kernel = start(true);
        trainWithLiveDisplay();
        assertEquals(2, kernel.shown.size());
        assertTrue(kernel.shown.stream().allMatch(DisplayData::hasDisplayId));
        assertNotNull(kernel.shown.get(0).getData(MIMEType.IMAGE_PNG));
        assertTrue(((String) kernel.shown.get(1).getData(MIMEType.TEXT_PLAIN)).startsWith("epoch "), kernel.shown.get(1)::toString);
    }

    @Test
    @DisplayName("the classes that use JJava's API call nothing that changed between 1.0-a6 and 1.0-a7 (which would fail with NoSuchMethodError)")
    void onlyApiSharedByA6AndA7() throws IOException {
        // setDisplayId returns void in 1.0-a6 and DisplayData in 1.0-a7; DISPLAY_ID_KEY became private; evalRaw and
        // eval are deprecated for removal in 1.0-a7; MagicParser became MagicsResolver
        List<String> changed = List.of("setDisplayId", "DISPLAY_ID_KEY", "evalRaw", "MagicParser", "getMagicParser");
        List<String> usingJJava = new ArrayList<>();
        try (Stream<Path> classes = Files.list(library().resolve("io/github/backprop/display"))) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                String constants = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
                if (!constants.contains("org/dflib/jjava")) {
                    continue;
                }
                usingJJava.add(c.getFileName().toString());
                for (String member : changed) {
                    assertFalse(constants.contains(member), c.getFileName() + " refers to " + member);
                }
            }
        }
        assertTrue(usingJJava.containsAll(List.of("JJavaDisplay.class", "JJavaDisplay$Sink.class", "JJavaExtension.class")), usingJJava::toString);
    }

    @Test
    @DisplayName("once the kernel shuts down, the live display does nothing again")
    void shutdownDetaches() {
        JJavaStandIn kernel = start(true);
        kernel.onShutdown(false);
        started.remove(kernel);
        assertNull(Notebook.sink());
    }
}
