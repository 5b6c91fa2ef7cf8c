package io.github.backprop.packaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jars, used as a user gets them: {@link UserProgram} runs in a fresh JVM on the
 * library's jar with its runtime dependencies (what Maven, Gradle or JJava's {@code %maven} put on a
 * class path) and on the one jar alone (what a notebook's first cell loads from {@code lib/}).
 * Runs after {@code package} (failsafe), with the paths the build passes in as system properties.
 */
@DisplayName("The packaged library")
class PackagingIT {
    private static final List<String> STEPS = List.of("csv: 3 rows, 1 long, 2 species, 2 scented, summary",
            "training: 5 epochs", "json: 2 layers", "chart: png true, vector files 3");

    @Nested
    @DisplayName("as a dependency (its jar and its runtime dependencies)")
    class AsDependency {
        @Test
        @DisplayName("runs a program that reads a CSV, trains, saves JSON and draws charts, and prints no warning (no SLF4J line)")
        void runsWithoutWarnings(@TempDir Path dir) throws Exception {
            String classPath = String.join(File.pathSeparator, property("library.jar"), property("library.runtime.classpath"));
            assertRunsCleanly(run(classPath, dir));
        }
    }

    @Nested
    @DisplayName("as the one jar")
    class OneJar {
        @Test
        @DisplayName("runs the same program alone on the class path, and prints no warning (no SLF4J line)")
        void runsWithoutWarnings(@TempDir Path dir) throws Exception {
            assertRunsCleanly(run(property("library.all.jar"), dir));
        }

        @Test
        @DisplayName("holds none of the kernels' own classes (basekernel, JJava, Gson, JeroMQ)")
        void leavesOutTheKernels() throws IOException {
            List<String> kernelClasses = entries().stream()
                    .filter(e -> e.startsWith("io/github/spencerpark/") || e.startsWith("org/dflib/jjava/")
                            || e.startsWith("com/google/gson/") || e.startsWith("org/zeromq/") || e.startsWith("zmq/"))
                    .limit(5).toList();
            assertEquals(List.of(), kernelClasses);
        }

        @Test
        @DisplayName("declares every service the library's own jar declares, with all its providers")
        void mergesTheLibrarysServices() throws IOException {
            try (JarFile library = new JarFile(property("library.jar")); JarFile all = new JarFile(property("library.all.jar"))) {
                for (JarEntry e : Collections.list(library.entries())) {
                    if (e.getName().startsWith("META-INF/services/") && !e.isDirectory()) {
                        Set<String> providers = providers(library, e.getName());
                        assertTrue(providers(all, e.getName()).containsAll(providers), e.getName() + " lost some of " + providers);
                    }
                }
                assertFalse(providers(all, "META-INF/services/org.slf4j.spi.SLF4JServiceProvider").isEmpty(), "no SLF4J provider declared");
            }
        }

        @Test
        @DisplayName("carries no signature files (they would not match the merged jar)")
        void hasNoSignatures() throws IOException {
            assertEquals(List.of(), entries().stream()
                    .filter(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).toList());
        }

        @Test
        @DisplayName("leaves out ICU's data only because it keeps none of the ICU classes that read it")
        void noIcuDataReader() throws IOException {
            List<String> entries = entries();
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("com/ibm/icu/impl/data/")), "ICU data is in the jar");
            assertTrue(entries.contains("com/ibm/icu/text/CharsetDetector.class"), "Tablesaw's charset guess is missing");
            assertEquals(List.of(), entries.stream()
                    .filter(e -> e.matches("com/ibm/icu/impl/(ICUData|ICUBinary|ICUResourceBundle|ICUConfig)\\.class")).toList());
        }

        private List<String> entries() throws IOException {
            try (JarFile all = new JarFile(property("library.all.jar"))) {
                return all.stream().map(JarEntry::getName).toList();
            }
        }
    }

    private record Run(int exit, List<String> out, List<String> err) {
    }

    private static void assertRunsCleanly(Run r) {
        assertEquals(0, r.exit(), () -> String.join("\n", r.err()));
        assertEquals(List.of(), r.err(), "the program printed to stderr");
        assertEquals(STEPS.size(), r.out().size(), r.out()::toString);
        for (int i = 0; i < STEPS.size(); i++) {
            assertTrue(r.out().get(i).startsWith(STEPS.get(i)), r.out().get(i));
        }
    }

    private static Run run(String classPath, Path dir) throws IOException, InterruptedException {
        String testClasses = Path.of(UserProgram.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classPath + File.pathSeparator + testClasses,
                UserProgram.class.getName(), dir.toString()));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the program did not finish within 5 minutes");
        }
        return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private static Set<String> providers(JarFile jar, String name) throws IOException {
        JarEntry e = jar.getJarEntry(name);
        if (e == null) {
            return Set.of();
        }
        String text = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run with ./mvnw verify");
        }
        return value;
    }
}
