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
 * NotebookRunnerMain [--out DIR] [--timeout SECONDS] [--jvm-option OPT]... [--java-home DIR] PATH...
 * </pre>
 * Each PATH is a notebook or a folder of notebooks (run in name order). Notebooks are rewritten in
 * place unless {@code --out} names a folder for the results; a failed run never replaces a notebook
 * (see {@link NotebookRunner#runAndWrite}). Stops at the first failing notebook.
 *
 * <p>Exit codes: {@value #OK} every notebook ran; {@value #CELL_FAILED} a cell failed (an error, a
 * timeout, or the notebook's JVM ended), with "notebook, cell N: message" on stderr;
 * {@value #USAGE} bad arguments or no such file; {@value #IO_ERROR} a notebook that cannot be read
 * or written, or a JVM that cannot be started. Stopped by a signal, it exits as the JVM does
 * (130 for Ctrl-C, 143 for SIGTERM) after ending the notebook's JVM.
 */
public final class NotebookRunnerMain {
    static final int OK = 0;
    static final int CELL_FAILED = 1;
    static final int USAGE = 2;
    static final int IO_ERROR = 3;

    private static final String USAGE_LINE =
            "usage: NotebookRunnerMain [--out DIR] [--timeout SECONDS] [--jvm-option OPT]... [--java-home DIR] PATH...";

    private NotebookRunnerMain() {
    }

    /**
     * Runs the command line. Returns normally when every notebook ran, so that a caller in the
     * same JVM (such as Maven's exec plugin) carries on; exits with the code otherwise.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
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
                    case "--java-home" -> builder.javaHome(Path.of(args[++i]));
                    case "--help", "-h" -> {
                        out.println(USAGE_LINE);
                        return OK;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            err.println("unknown option " + args[i]);
                            return USAGE;
                        }
                        targets.add(Path.of(args[i]));
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("bad arguments: " + e.getMessage());
            return USAGE;
        }
        if (targets.isEmpty()) {
            err.println(USAGE_LINE);
            return USAGE;
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
                    return USAGE;
                }
            }
            for (Path nb : notebooks) {
                long start = System.nanoTime();
                Path target = outDir == null ? nb : outDir.resolve(nb.getFileName());
                ExecutedNotebook result = runner.runAndWrite(nb, target);
                if (!result.succeeded()) {
                    err.println(result.failure().orElseThrow());
                    err.println("the failed run's outputs are in " + NotebookRunner.failedResultPath(target)
                            + (Files.exists(target) ? "; " + target + " was not changed" : ""));
                    return CELL_FAILED;
                }
                out.printf("%s: %d cells ran in %.1f s -> %s%n", nb, result.cells().size(),
                        (System.nanoTime() - start) / 1e9, target);
            }
            return OK;
        } catch (IOException e) {
            err.println(e.getMessage());
            return IO_ERROR;
        }
    }
}
