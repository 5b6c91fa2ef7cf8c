package io.github.backprop.notebooks;

import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.KernelDialect;
import io.github.backprop.notebook.NotebookRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each tutorial notebook once per test JVM and kernel dialect, in the headless notebook
 * runner, from the notebooks' own folder (so their {@code %classpath lib/*.jar} cell loads the jars
 * the build prepared), and shares the results between the test classes. IJava's dialect is the
 * default: the committed outputs are rendered in it.
 */
final class TutorialRuns {
    /** The notebooks folder: the module's directory, where surefire runs. */
    static final Path FOLDER = Path.of("").toAbsolutePath();

    private record Run(String name, KernelDialect dialect) {
    }

    private static final Map<Run, ExecutedNotebook> RUNS = new ConcurrentHashMap<>();
    private static final Map<Run, Long> MILLIS = new ConcurrentHashMap<>();
    private static final Map<KernelDialect, NotebookRunner> RUNNERS = new ConcurrentHashMap<>();

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

    /** The tutorial notebooks and, after each, its solutions notebook if it has one; relative to the notebooks folder. */
    static List<String> namesWithSolutions() {
        List<String> all = new ArrayList<>();
        for (String name : names()) {
            all.add(name);
            if (Files.isRegularFile(FOLDER.resolve(solutionsOf(name)))) {
                all.add(solutionsOf(name));
            }
        }
        return all;
    }

    /** The solutions notebook of a tutorial: {@code solutions/<name>-solutions.ipynb}. */
    static String solutionsOf(String name) {
        return "solutions/" + name.substring(0, name.length() - ".ipynb".length()) + "-solutions.ipynb";
    }

    /** The notebook after a fresh run in IJava's dialect (run once, then cached); {@code name} is relative to the notebooks folder. */
    static ExecutedNotebook run(String name) {
        return run(name, KernelDialect.IJAVA);
    }

    /** The notebook after a fresh run in a kernel's dialect (run once, then cached). */
    static ExecutedNotebook run(String name, KernelDialect dialect) {
        return RUNS.computeIfAbsent(new Run(name, dialect), run -> {
            long start = System.nanoTime();
            try {
                ExecutedNotebook result = runner(dialect).run(FOLDER.resolve(name));
                MILLIS.put(run, (System.nanoTime() - start) / 1_000_000);
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How long the run in IJava's dialect took, in milliseconds (for the report, never asserted). */
    static long millis(String name) {
        return millis(name, KernelDialect.IJAVA);
    }

    /** How long the run in a kernel's dialect took, in milliseconds (for the report, never asserted); -1 if it did not run. */
    static long millis(String name, KernelDialect dialect) {
        return MILLIS.getOrDefault(new Run(name, dialect), -1L);
    }

    /** A runner for a kernel's dialect with the notebooks' heap cap. */
    static NotebookRunner runner(KernelDialect dialect) {
        return RUNNERS.computeIfAbsent(dialect, d -> NotebookRunner.builder()
                .kernel(d)
                .cellTimeout(Duration.ofMinutes(2))
                .jvmOptions(List.of(System.getProperty("notebook.heap", "-Xmx1g")))
                .build());
    }
}
