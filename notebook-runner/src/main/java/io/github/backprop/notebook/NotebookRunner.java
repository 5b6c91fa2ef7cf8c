package io.github.backprop.notebook;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs IJava notebooks headlessly, the way IJava 1.3.0 runs them, and returns them with fresh
 * nbformat 4 outputs.
 *
 * <p>Each notebook runs in a JVM of its own, whose class path holds only the runner and basekernel
 * (the display API IJava bundles), and whose working directory is the notebook's folder. So,
 * exactly as in IJava, the notebook reaches a library only through its own {@code %jars} cell, and
 * relative paths resolve against the notebook's folder.
 *
 * <p>What holds whatever a cell does: the cell timeout is enforced by this JVM, which ends the
 * notebook's JVM at the deadline; a cell that ends the notebook's JVM (an exit, a crash, a kill)
 * fails the run at that cell; the outputs of the cells that ran are kept; standard input is at end
 * of file; the notebook's JVM and the temporary files are removed when this JVM is stopped.
 *
 * <pre>{@code
 * ExecutedNotebook result = NotebookRunner.builder()
 *         .cellTimeout(Duration.ofMinutes(2))
 *         .jvmOptions(List.of("-Xmx1g"))
 *         .build()
 *         .run(Path.of("notebooks/01-forward-pass-and-mse.ipynb"));
 * result.write(Path.of("out.ipynb"));
 * }</pre>
 */
public final class NotebookRunner {
    /** The per-cell timeout unless another is set: generous, for slow classroom machines. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(5);

    private static final String FAILED_SUFFIX = ".failed.ipynb";

    private final KernelProcess kernel;

    private NotebookRunner(Builder b) {
        this.kernel = new KernelProcess(b.javaHome, b.jvmOptions, b.cellTimeout);
    }

    /** Starts a runner with the default timeout and JVM options. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every code cell of a notebook, top to bottom, stopping at the first error.
     *
     * @param notebook an nbformat 4 notebook file (not modified)
     * @return the notebook with new outputs, and the failure if one stopped the run
     * @throws IOException if the notebook cannot be read or the notebook JVM cannot be started
     */
    public ExecutedNotebook run(Path notebook) throws IOException {
        Path in = notebook.toAbsolutePath().normalize();
        if (!Files.isRegularFile(in)) {
            throw new IOException("no notebook at " + in);
        }
        JsonObject json = NotebookFile.read(in);
        List<CodeCell> cells = new ArrayList<>();
        List<JsonObject> all = NotebookFile.cells(json);
        for (int i = 0; i < all.size(); i++) {
            if ("code".equals(all.get(i).get("cell_type").getAsString())) {
                cells.add(new CodeCell(i + 1, NotebookFile.text(all.get(i).get("source"))));
            }
        }
        NotebookAssembly assembly = new NotebookAssembly();
        KernelProcess.Ending ending = kernel.run(in.getParent(), cells, assembly);
        return assembly.finish(in, json, ending);
    }

    /**
     * Runs a notebook and saves the result without ever losing what {@code output} held: a run
     * that succeeded replaces {@code output} atomically (and removes a failed result left by an
     * earlier run); a run that failed leaves {@code output} as it was and writes its result, with
     * the error where it happened, to {@link #failedResultPath(Path) the sibling}
     * {@code NAME.failed.ipynb}.
     *
     * @param notebook the notebook to run
     * @param output where to write it (may be the same file)
     * @return the result
     * @throws IOException if reading, running or writing fails
     */
    public ExecutedNotebook runAndWrite(Path notebook, Path output) throws IOException {
        ExecutedNotebook result = run(notebook);
        if (result.succeeded()) {
            result.write(output);
            Files.deleteIfExists(failedResultPath(output));
        } else {
            result.write(failedResultPath(output));
        }
        return result;
    }

    /**
     * Where {@link #runAndWrite} puts the result of a failed run: {@code NAME.failed.ipynb} beside
     * {@code NAME.ipynb}.
     *
     * @param output the notebook a successful run would write
     * @return the sibling for a failed run
     */
    public static Path failedResultPath(Path output) {
        String name = output.getFileName().toString();
        String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
        return output.resolveSibling(stem + FAILED_SUFFIX);
    }

    /**
     * The notebooks in a folder (not its subfolders), sorted by name, without checkpoints and
     * without the results of failed runs ({@code *.failed.ipynb}).
     *
     * @param folder the folder
     * @return the .ipynb files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> notebooksIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !p.getFileName().toString().endsWith(FAILED_SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** Settings for a {@link NotebookRunner}. */
    public static final class Builder {
        private Duration cellTimeout = DEFAULT_CELL_TIMEOUT;
        private final List<String> jvmOptions = new ArrayList<>();
        private Path javaHome = Path.of(System.getProperty("java.home"));

        private Builder() {
        }

        /**
         * How long one cell may run. At the deadline the runner ends the notebook's JVM, whatever
         * the cell is doing, and the run fails at that cell.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder cellTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the cell timeout must be positive, got " + timeout);
            }
            this.cellTimeout = timeout;
            return this;
        }

        /**
         * Extra options for each notebook JVM, e.g. a heap cap ({@code -Xmx1g}).
         * {@code -Djava.awt.headless=true} is always set.
         *
         * @param options JVM options
         * @return this builder
         */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /**
         * The Java installation the notebooks run on (17 or later); by default the one running
         * the runner.
         *
         * @param home a JDK's folder, holding {@code bin/java}
         * @return this builder
         * @throws IllegalArgumentException if there is no {@code bin/java} in it
         */
        public Builder javaHome(Path home) {
            Objects.requireNonNull(home, "home");
            if (!Files.isRegularFile(home.resolve("bin").resolve("java"))
                    && !Files.isRegularFile(home.resolve("bin").resolve("java.exe"))) {
                throw new IllegalArgumentException("no Java installation at " + home + ": bin/java is missing");
            }
            this.javaHome = home;
            return this;
        }

        /** The runner. */
        public NotebookRunner build() {
            return new NotebookRunner(this);
        }
    }
}
