package io.github.backprop.notebooks;

import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.NotebookRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each tutorial notebook once per test JVM, in the headless notebook runner, from the
 * notebooks' own folder (so their {@code %classpath lib/*.jar} cell loads the jars the build prepared),
 * and shares the results between the test classes.
 */
final class TutorialRuns {
    /** The notebooks folder: the module's directory, where surefire runs. */
    static final Path FOLDER = Path.of("").toAbsolutePath();

    private static final Map<String, ExecutedNotebook> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, Long> MILLIS = new ConcurrentHashMap<>();
    private static final NotebookRunner RUNNER = NotebookRunner.builder()
            .cellTimeout(Duration.ofMinutes(2))
            .jvmOptions(List.of(System.getProperty("notebook.heap", "-Xmx1g")))
            .build();

    private TutorialRuns() {
    }

    /** The tutorial notebooks, by file name. */
    static List<String> names() {
        try {
            List<String> names = NotebookRunner.notebooksIn(FOLDER).stream().map(p -> p.getFileName().toString()).toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no notebooks found in " + FOLDER);
            }
            if (!Files.isDirectory(FOLDER.resolve("lib"))) {
                throw new IllegalStateException(FOLDER.resolve("lib") + " is missing: build with ./mvnw -pl notebooks -am verify");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The solutions notebook of a tutorial: {@code solutions/<name>-solutions.ipynb}. */
    static String solutionsOf(String name) {
        return "solutions/" + name.substring(0, name.length() - ".ipynb".length()) + "-solutions.ipynb";
    }

    /** The notebook after a fresh run (run once, then cached); {@code name} is relative to the notebooks folder. */
    static ExecutedNotebook run(String name) {
        return RUNS.computeIfAbsent(name, n -> {
            long start = System.nanoTime();
            try {
                ExecutedNotebook result = RUNNER.run(FOLDER.resolve(n));
                MILLIS.put(n, (System.nanoTime() - start) / 1_000_000);
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How long the run took, in milliseconds (for the report, never asserted). */
    static long millis(String name) {
        return MILLIS.getOrDefault(name, -1L);
    }
}
