package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.BaseKernel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs IJava notebooks headlessly, the way IJava 1.3.0 runs them, and returns them with fresh
 * nbformat 4 outputs.
 *
 * <p>Each notebook runs in a JVM of its own, started from this JVM's {@code java}, whose class
 * path holds only the runner and basekernel (the display API IJava bundles), and whose working
 * directory is the notebook's folder. So, exactly as in IJava, the notebook reaches a library only
 * through its own {@code %jars} cell, and relative paths resolve against the notebook's folder.
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

    private final Duration cellTimeout;
    private final List<String> jvmOptions;

    private NotebookRunner(Builder b) {
        this.cellTimeout = b.cellTimeout;
        this.jvmOptions = List.copyOf(b.jvmOptions);
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
        NotebookFile.read(in);
        Path out = Files.createTempFile("notebook-runner", ".ipynb");
        Path errLog = Files.createTempFile("notebook-runner", ".err");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Djava.awt.headless=true");
            command.add("-Dfile.encoding=UTF-8");
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(childClassPath());
            command.add(CellExecutor.class.getName());
            command.add(in.toString());
            command.add(out.toString());
            command.add(String.valueOf(cellTimeout.toMillis()));
            Process process = new ProcessBuilder(command)
                    .directory(in.getParent().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errLog.toFile())
                    .start();
            int code;
            try {
                code = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + in, e);
            }
            String stderr = Files.readString(errLog, StandardCharsets.UTF_8);
            ExecutedNotebook.CellFailure failure = code == 0 ? null : failure(in, code, stderr);
            JsonObject executed = code == 2 || Files.size(out) == 0 ? NotebookFile.read(in) : NotebookFile.read(out);
            return new ExecutedNotebook(in, executed, failure);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(errLog);
        }
    }

    /**
     * Runs a notebook and writes the result, even when a cell failed (so the error can be seen).
     *
     * @param notebook the notebook to run
     * @param output where to write it (may be the same file)
     * @return the result
     * @throws IOException if reading, running or writing fails
     */
    public ExecutedNotebook runAndWrite(Path notebook, Path output) throws IOException {
        ExecutedNotebook result = run(notebook);
        result.write(output);
        return result;
    }

    /**
     * The notebooks in a folder (not its subfolders), sorted by name, without checkpoints.
     *
     * @param folder the folder
     * @return the .ipynb files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> notebooksIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static ExecutedNotebook.CellFailure failure(Path in, int code, String stderr) {
        String line = null;
        for (String l : stderr.split("\n")) {
            if (l.startsWith(CellExecutor.FAILURE_PREFIX)) {
                line = l.substring(CellExecutor.FAILURE_PREFIX.length());
            }
        }
        if (line == null) {
            String tail = stderr.strip();
            if (tail.length() > 2000) {
                tail = tail.substring(tail.length() - 2000);
            }
            return new ExecutedNotebook.CellFailure(in, 0, "the notebook JVM exited with code " + code
                    + (tail.isEmpty() ? "" : ": " + tail));
        }
        int space = line.indexOf(' ');
        return new ExecutedNotebook.CellFailure(in, Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
    }

    /** The runner's own classes plus basekernel and its dependencies, as IJava's kernel class path has them. */
    static String childClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(NotebookRunner.class, BaseKernel.class, com.google.gson.Gson.class)) {
            entries.add(location(c));
        }
        for (String optional : List.of("org.zeromq.ZMQ")) {
            try {
                entries.add(location(Class.forName(optional)));
            } catch (ClassNotFoundException | LinkageError e) {
                // basekernel's messaging library is not needed to render; IJava has it, we may not
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }

    /** Settings for a {@link NotebookRunner}. */
    public static final class Builder {
        private Duration cellTimeout = DEFAULT_CELL_TIMEOUT;
        private final List<String> jvmOptions = new ArrayList<>();

        private Builder() {
        }

        /**
         * How long one cell may run before it is stopped and reported.
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

        /** The runner. */
        public NotebookRunner build() {
            return new NotebookRunner(this);
        }
    }

    /** Waits for a process with a deadline; used by tests of the command line. */
    static boolean waitFor(Process p, Duration d) throws InterruptedException {
        return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
