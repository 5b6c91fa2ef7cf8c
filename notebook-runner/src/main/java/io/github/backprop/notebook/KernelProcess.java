package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.BaseKernel;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a notebook's code cells in a JVM of its own ({@link CellExecutor}) and watches it: passes
 * on its events as they arrive, enforces the cell timeout by ending that JVM at the deadline, and
 * says how the run ended. Standard input of the notebook JVM is closed; its own output (anything
 * written outside cells, the JVM's messages) goes to a log whose last lines explain an unexpected
 * end. Nothing is left behind: the run's temporary folder is deleted and the JVM ended, also when
 * the runner's JVM is stopped meanwhile ({@link Cleanup}).
 */
final class KernelProcess {
    private static final long POLL_MILLIS = 50;
    /** How long a JVM that reported the end of its cells may take to exit before it is ended. */
    private static final long EXIT_GRACE_SECONDS = 10;
    /** How long the notebook JVM may take to start and run IJava's start-up script (at least the cell timeout). */
    private static final Duration START_UP = Duration.ofMinutes(2);
    private static final int LOG_TAIL_LINES = 12;
    private static final int LOG_TAIL_CHARS = 2000;

    private final Path java;
    private final List<String> jvmOptions;
    private final Duration cellTimeout;
    private final Duration startUpTimeout;

    KernelProcess(Path javaHome, List<String> jvmOptions, Duration cellTimeout) {
        this.java = javaHome.resolve("bin").resolve("java");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.cellTimeout = cellTimeout;
        this.startUpTimeout = START_UP.compareTo(cellTimeout) > 0 ? START_UP : cellTimeout;
    }

    /**
     * How a run ended: all cells reported ({@code failed} false; a cell may still have reported an
     * error), or the runner had to give up on the notebook JVM at {@code cell} (0 before the first).
     */
    record Ending(boolean failed, int cell, String ename, String evalue) {
        static final Ending COMPLETED = new Ending(false, 0, null, null);
    }

    /**
     * Runs the cells and waits until the notebook JVM is gone.
     *
     * @param notebookDir the notebook JVM's working directory
     * @param cells the code cells, in order
     * @param events receives every event, in order, as it arrives
     * @throws IOException if the JVM cannot be started or its events cannot be read
     */
    Ending run(Path notebookDir, List<CodeCell> cells, Consumer<JsonObject> events) throws IOException {
        Path runDir = Files.createTempDirectory("notebook-runner");
        Cleanup.track(runDir);
        Process process = null;
        try {
            Path cellList = runDir.resolve("cells.json");
            CodeCell.writeAll(cells, cellList);
            Path log = runDir.resolve("jvm.log");
            try (EventFile eventFile = new EventFile(runDir.resolve("events.jsonl"))) {
                process = new ProcessBuilder(command(cellList, runDir.resolve("events.jsonl"), notebookDir, runDir))
                        .directory(notebookDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Cleanup.track(process);
                process.getOutputStream().close(); // standard input: end of file at once
                return watch(process, eventFile, cells, log, events);
            }
        } finally {
            if (process != null) {
                if (process.isAlive()) {
                    Cleanup.end(process);
                }
                Cleanup.forget(process);
            }
            Cleanup.delete(runDir);
            Cleanup.forget(runDir);
        }
    }

    private List<String> command(Path cellList, Path events, Path notebookDir, Path runDir) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        // a crash report goes to the temporary folder, not into the notebook's folder
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "notebook-runner-hs_err_pid%p.log"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(childClassPath());
        command.add(CellExecutor.class.getName());
        command.add(cellList.toString());
        command.add(events.toString());
        command.add(notebookDir.toString());
        command.add(String.valueOf(ProcessHandle.current().pid()));
        command.add(runDir.toString());
        return command;
    }

    private Ending watch(Process process, EventFile eventFile, List<CodeCell> cells, Path log,
                         Consumer<JsonObject> events) throws IOException {
        Progress progress = new Progress();
        long deadline = System.nanoTime() + startUpTimeout.toNanos();
        while (true) {
            boolean exited = waitFor(process, POLL_MILLIS, TimeUnit.MILLISECONDS);
            for (JsonObject event : eventFile.readNew()) {
                if (progress.note(event)) {
                    deadline = System.nanoTime() + cellTimeout.toNanos();
                }
                events.accept(event);
            }
            if (progress.done) {
                if (!exited && !waitFor(process, EXIT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    Cleanup.end(process); // e.g. a shutdown hook of the notebook's that never returns
                }
                return Ending.COMPLETED;
            }
            if (exited) {
                if (Cleanup.stopping()) {
                    throw new InterruptedIOException("the runner is stopping; it ended the notebook's JVM");
                }
                return died(progress, cells, process.exitValue(), log);
            }
            if (System.nanoTime() - deadline > 0) {
                Cleanup.end(process);
                return timedOut(progress, cells);
            }
        }
    }

    private Ending timedOut(Progress progress, List<CodeCell> cells) {
        String after = describe(cellTimeout);
        if (progress.running != 0) {
            return new Ending(true, progress.running, "TimeoutException", "cell timed out after " + after
                    + " (the runner ended the notebook's JVM; later cells did not run)");
        }
        if (!progress.ready) {
            return new Ending(true, 0, "TimeoutException", "the notebook's JVM did not start within "
                    + describe(startUpTimeout));
        }
        return new Ending(true, progress.next(cells), "TimeoutException", "the notebook's JVM did not respond for "
                + after + " before this cell started (the runner ended it)");
    }

    private static Ending died(Progress progress, List<CodeCell> cells, int exitCode, Path log) {
        String how = "the notebook's JVM ended (" + exitReason(exitCode) + ")";
        String tail = logTail(log);
        String lastOutput = tail.isEmpty() ? "" : "; its last output: " + tail;
        if (progress.fatal != null) {
            return new Ending(true, 0, "KernelStartException", progress.fatal);
        }
        if (progress.running != 0) {
            return new Ending(true, progress.running, "DeadKernelError", how + " while this cell ran:"
                    + " System.exit, Runtime.halt, a crash or a kill ends the kernel, and later cells did not run" + lastOutput);
        }
        if (!progress.ready) {
            return new Ending(true, 0, "DeadKernelError", how + " before the first cell could run" + lastOutput);
        }
        return new Ending(true, progress.next(cells), "DeadKernelError", how + " before this cell started" + lastOutput);
    }

    /** The exit code in words; on Unix, 128 + n means the process was killed by signal n. */
    static String exitReason(int exitCode) {
        boolean unix = !System.getProperty("os.name", "").startsWith("Windows");
        if (!unix || exitCode <= 128 || exitCode >= 160) {
            return "exit code " + exitCode;
        }
        int signal = exitCode - 128;
        String name = switch (signal) {
            case 6 -> "SIGABRT, the JVM crashed";
            case 9 -> "SIGKILL, e.g. the system's out-of-memory killer";
            case 11 -> "SIGSEGV, the JVM crashed";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
        return "exit code " + exitCode + ": killed by signal " + signal + " (" + name + ")";
    }

    private static String logTail(Path log) {
        String text;
        try {
            text = Files.readString(log, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
        String[] lines = text.split("\n");
        String tail = String.join("\n", List.of(lines).subList(Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        return tail.length() > LOG_TAIL_CHARS ? "..." + tail.substring(tail.length() - LOG_TAIL_CHARS) : tail;
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean waitFor(Process process, long time, TimeUnit unit) throws InterruptedIOException {
        try {
            return process.waitFor(time, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ie = new InterruptedIOException("interrupted while the notebook ran");
            ie.initCause(e);
            throw ie;
        }
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

    /** Where the notebook JVM is, as far as its events tell. */
    private static final class Progress {
        boolean ready;
        boolean done;
        int running;
        int lastStarted;
        String fatal;

        /** Takes note of an event; true if it starts a new deadline (start-up done, a cell started or ended). */
        boolean note(JsonObject event) {
            switch (KernelEvent.of(event)) {
                case READY -> ready = true;
                case START -> {
                    running = event.get("cell").getAsInt();
                    lastStarted = running;
                }
                case END -> running = 0;
                case DONE -> done = true;
                case FATAL -> fatal = event.get("message").getAsString();
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** The cell after the last one that started (the first if none did, the last if none is left). */
        int next(List<CodeCell> cells) {
            for (CodeCell c : cells) {
                if (c.number() > lastStarted) {
                    return c.number();
                }
            }
            return cells.isEmpty() ? 0 : cells.get(cells.size() - 1).number();
        }
    }
}
