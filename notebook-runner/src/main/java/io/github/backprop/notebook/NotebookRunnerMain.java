package io.github.backprop.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: run notebooks headlessly and write their outputs.
 *
 * <pre>
 * NotebookRunnerMain [--out DIR] [--timeout SECONDS] [--jvm-option OPT]... PATH...
 * </pre>
 * Each PATH is a notebook or a folder of notebooks (run in name order). Notebooks are rewritten in
 * place unless {@code --out} names a folder for the results. Stops at the first failing cell,
 * prints "notebook, cell N: message" on stderr and exits with code 1; exits 2 for bad arguments.
 */
public final class NotebookRunnerMain {
    private NotebookRunnerMain() {
    }

    /**
     * Runs the command line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path outDir = null;
        NotebookRunner.Builder builder = NotebookRunner.builder();
        List<String> jvmOptions = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> outDir = Path.of(args[++i]);
                    case "--timeout" -> builder.cellTimeout(Duration.ofSeconds(Long.parseLong(args[++i])));
                    case "--jvm-option" -> jvmOptions.add(args[++i]);
                    case "--help", "-h" -> {
                        out.println("usage: NotebookRunnerMain [--out DIR] [--timeout SECONDS] [--jvm-option OPT]... PATH...");
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            err.println("unknown option " + args[i]);
                            return 2;
                        }
                        targets.add(Path.of(args[i]));
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("bad arguments: " + e.getMessage());
            return 2;
        }
        if (targets.isEmpty()) {
            err.println("usage: NotebookRunnerMain [--out DIR] [--timeout SECONDS] [--jvm-option OPT]... PATH...");
            return 2;
        }
        NotebookRunner runner = builder.jvmOptions(jvmOptions).build();
        try {
            List<Path> notebooks = new ArrayList<>();
            for (Path t : targets) {
                if (Files.isDirectory(t)) {
                    notebooks.addAll(NotebookRunner.notebooksIn(t));
                } else if (Files.isRegularFile(t)) {
                    notebooks.add(t);
                } else {
                    err.println("no notebook or folder at " + t);
                    return 2;
                }
            }
            for (Path nb : notebooks) {
                long start = System.nanoTime();
                Path target = outDir == null ? nb : outDir.resolve(nb.getFileName());
                ExecutedNotebook result = runner.runAndWrite(nb, target);
                if (!result.succeeded()) {
                    err.println(result.failure().orElseThrow());
                    return 1;
                }
                out.printf("%s: %d cells ran in %.1f s -> %s%n", nb, result.cells().size(),
                        (System.nanoTime() - start) / 1e9, target);
            }
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
