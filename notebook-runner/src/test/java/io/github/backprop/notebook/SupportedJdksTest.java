package io.github.backprop.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner on every JDK from 17 on that this machine has: the one running the tests, each JDK
 * under /usr/lib/jvm, and any listed in the system property {@code runner.test.jdks}
 * (folders separated by the path separator).
 */
@DisplayName("The notebook runner on every installed JDK from 17 on")
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class SupportedJdksTest {
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    @DisplayName("runs loops, methods, classes and lambdas in cells")
    void runsCells(Path javaHome) throws IOException {
        ExecutedNotebook nb = Fixtures.runner().javaHome(javaHome).build().run(Fixtures.notebook()
                .code("loop", "int sum = 0;\nfor (int i = 1; i <= 10; i++) { sum += i; }\nsum")
                .code("method", "int twice(int x) { return 2 * x; }\ntwice(21)")
                .code("class", "record P(int x) { int y() { int s = 0; while (s < x) s++; return s; } }\nnew P(3).y()")
                .code("lambda", "java.util.stream.IntStream.range(0, 4).map(i -> i * i).sum()")
                .code("version", "Runtime.version().feature()")
                .writeTo(dir.resolve("jdk.ipynb")));
        assertTrue(nb.succeeded(), () -> nb.failure().orElseThrow().toString());
        assertEquals(List.of("55", "42", "3", "14"), Stream.of("loop", "method", "class", "lambda")
                .map(id -> nb.cell(id).resultText().orElseThrow()).toList());
        assertEquals(String.valueOf(feature(javaHome)), nb.cell("version").resultText().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    @DisplayName("ends a cell that catches everything at its deadline (no Thread.stop, which throws from JDK 20 on)")
    void timesOut(Path javaHome) throws IOException {
        ExecutedNotebook nb = Fixtures.runner().javaHome(javaHome).cellTimeout(Duration.ofSeconds(2)).build()
                .run(Fixtures.notebook()
                        .code("stuck", "while (true) {\n    try { Thread.sleep(100_000); } catch (Throwable t) { }\n}")
                        .writeTo(dir.resolve("stuck.ipynb")));
        ExecutedNotebook.CellFailure failure = nb.failure().orElseThrow();
        assertEquals(1, failure.cellNumber());
        assertTrue(failure.message().startsWith("TimeoutException: cell timed out after 2 s"), failure::toString);
    }

    static Stream<Path> jdks() throws IOException {
        Set<Path> homes = new LinkedHashSet<>();
        homes.add(Path.of(System.getProperty("java.home")).toRealPath());
        for (String listed : System.getProperty("runner.test.jdks", "").split(File.pathSeparator)) {
            if (!listed.isBlank()) {
                homes.add(Path.of(listed).toRealPath());
            }
        }
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> dirs = Files.list(installed)) {
                for (Path d : dirs.sorted().toList()) {
                    if (Files.isExecutable(d.resolve("bin/java")) && feature(d) >= 17) {
                        homes.add(d.toRealPath());
                    }
                }
            }
        }
        return homes.stream();
    }

    /** The feature release of a JDK (17, 25, ...), from its release file; 0 if unknown. */
    private static int feature(Path javaHome) {
        try {
            Matcher m = VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
