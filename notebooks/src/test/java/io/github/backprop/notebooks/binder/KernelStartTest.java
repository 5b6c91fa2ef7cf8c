package io.github.backprop.notebooks.binder;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.backprop.notebooks.binder.InstallScript.RELEASE_LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts a kernel from the kernel.json that install-kernel.sh writes: its java, its JVM options and
 * its environment, in the folder Jupyter would start it in. IJava's jar is not on Maven Central, so
 * {@code binder/KernelStandIn.java} stands in for it and repeats what IJava 1.3.0 does with
 * IJAVA_CLASSPATH at start-up and with a {@code %classpath} cell (see that file).
 */
@DisplayName("A kernel started from the installed kernel.json")
class KernelStartTest {
    /** Tests run in notebooks/, the folder Jupyter starts a kernel in for these notebooks. */
    static final Path NOTEBOOKS = Path.of("").toAbsolutePath();
    static final String SIGMOID_AT_0 = "io.github.backprop.activation.Activations.sigmoid().value(0.0)";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("for a notebook in notebooks/, whose first cell is %classpath lib/*.jar")
    class InNotebooksFolder {
        List<String> out;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            JsonObject spec = install(dir, Map.of());
            out = startKernel(spec, NOTEBOOKS, List.of("lib/*.jar"),
                    SIGMOID_AT_0,
                    "((java.net.URLClassLoader) io.github.backprop.activation.Activations.class.getClassLoader()).getURLs().length",
                    "java.awt.GraphicsEnvironment.isHeadless()",
                    "Runtime.getRuntime().maxMemory()",
                    "new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics()"
                            + ".getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12)).stringWidth(\"delta\")");
        }

        @Test
        @DisplayName("runs the library")
        void library() {
            assertEquals("0.5", out.get(0), out::toString);
        }

        @Test
        @DisplayName("loads each jar of notebooks/lib once: the %classpath cell names them as the kernel's class path does")
        void eachJarOnce() throws IOException {
            int jars = 0;
            for (Path ignored : new GlobFinder("lib/*.jar").computeMatchingFiles()) {
                jars++;
            }
            assertTrue(jars >= 1, "notebooks/lib is filled by the module's build");
            assertEquals(String.valueOf(jars), out.get(1), out::toString);
        }

        @Test
        @DisplayName("runs headless, with a heap of at most 1 GB")
        void headlessWithHeapCap() {
            assertEquals("true", out.get(2), out::toString);
            long maxHeap = Long.parseLong(out.get(3));
            assertTrue(maxHeap <= 1L << 30 && maxHeap > 900L << 20, out::toString);
        }

        @Test
        @DisplayName("draws text, as charts do (the fonts AWT needs are there)")
        void drawsText() {
            assertTrue(Integer.parseInt(out.get(4)) > 0, out::toString);
        }
    }

    @Test
    @DisplayName("for a new notebook elsewhere, without a %classpath cell, finds the library through its class path")
    void scratchNotebook(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("scratch"));
        List<String> out = startKernel(install(dir, Map.of()), elsewhere, List.of(), SIGMOID_AT_0);
        assertEquals(List.of("0.5"), out);
    }

    @Test
    @DisplayName("installed without the class path setting (as any local IJava is), runs the notebooks through their %classpath cell")
    void withoutClassPath(@TempDir Path dir) throws Exception {
        JsonObject spec = install(dir, Map.of("NOTEBOOK_JARS", ""));
        assertEquals(List.of("0.5"), startKernel(spec, NOTEBOOKS, List.of("lib/*.jar"), SIGMOID_AT_0));
    }

    @Test
    @DisplayName("cannot start once its class path folder is gone, which is why the script checks the folder and says to rerun it")
    void folderGone(@TempDir Path dir) throws Exception {
        Path jars = InstallScript.jarFolder(dir.resolve("old-checkout/notebooks/lib"));
        JsonObject spec = install(dir, Map.of("NOTEBOOK_JARS", jars.toString()));
        try (Stream<Path> files = Files.walk(dir.resolve("old-checkout"))) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        Result r = run(spec, NOTEBOOKS, List.of(), SIGMOID_AT_0);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("NoSuchFileException"), r.output());
    }

    @Test
    @DisplayName("installed with --vector-api, starts its JVM with the Vector API module, which the library's fast kernels need")
    void vectorApi(@TempDir Path dir) throws Exception {
        JsonObject spec = install(dir, Map.of("KERNEL_VECTOR_API", "1"));
        Result r = run(spec, NOTEBOOKS, List.of("lib/*.jar"), "ModuleLayer.boot().findModule(\"jdk.incubator.vector\").isPresent()");
        assertEquals(0, r.exitCode(), r.output());
        // the JVM also warns on stderr that it uses an incubator module: Jupyter logs it, the notebook does not show it
        assertTrue(r.output().lines().anyMatch("true"::equals), r.output());
        assertFalse(r.output().contains("ERROR"), r.output());
    }

    /** Installs from a stand-in release zip into dir/jupyter and returns the kernel.json it wrote. */
    private static JsonObject install(Path dir, Map<String, String> settings) throws IOException {
        Path zip = InstallScript.zip(dir.resolve("ijava-1.3.0.zip"), RELEASE_LAYOUT);
        Path data = dir.resolve("jupyter");
        Map<String, String> env = InstallScript.offline(zip, data, NOTEBOOKS.resolve("lib"));
        env.putAll(settings);
        InstallScript.Result r = InstallScript.run(env);
        assertEquals(0, r.exitCode(), r.output());
        return InstallKernelTest.kernelJson(data.resolve("kernels/java"));
    }

    /** Starts the kernel, runs each cell, and returns one line of output per cell; fails if any cell fails. */
    private static List<String> startKernel(JsonObject spec, Path workingDir, List<String> classPathCell, String... cells) {
        Result r = run(spec, workingDir, classPathCell, cells);
        assertEquals(0, r.exitCode(), r.output());
        List<String> lines = r.output().lines().toList();
        assertEquals(cells.length, lines.size(), r.output());
        lines.forEach(line -> assertFalse(line.startsWith("ERROR"), r.output()));
        return lines;
    }

    record Result(int exitCode, String output) {
    }

    /**
     * Runs kernel.json's argv with IJava's {@code -jar ijava-1.3.0.jar {connection_file}} replaced by
     * the stand-in on a class path of basekernel alone, in workingDir, with kernel.json's env.
     */
    private static Result run(JsonObject spec, Path workingDir, List<String> classPathCell, String... cells) {
        List<String> argv = InstallKernelTest.argv(spec);
        List<String> command = new ArrayList<>(argv.subList(0, argv.indexOf("-jar")));
        command.addAll(List.of("-cp", basekernelJar().toString(), standIn().toString()));
        command.addAll(classPathCell);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        pb.environment().remove("IJAVA_CLASSPATH");
        pb.environment().putAll(InstallKernelTest.env(spec));
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write((String.join("\n", cells) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path basekernelJar() {
        try {
            return Path.of(GlobFinder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path standIn() {
        try {
            return Path.of(KernelStartTest.class.getResource("/binder/KernelStandIn.java").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
