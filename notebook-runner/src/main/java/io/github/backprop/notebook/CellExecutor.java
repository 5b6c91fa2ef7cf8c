package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The notebook JVM: runs the code cells the runner hands it, in order, as IJava 1.3.0 would, and
 * reports everything as {@link KernelEvent}s the moment it happens. Launched by
 * {@link NotebookRunner} in a JVM of its own, with the notebook's folder as working directory and
 * standard input closed.
 *
 * <p>Arguments: the cell list ({@link CodeCell#writeAll}), the events file, the notebook's folder,
 * the runner's process id and the run's temporary folder. Stops after the first failing cell. It
 * does not time cells: the runner does, and ends this JVM at the deadline. If the runner itself
 * disappears (killed without a chance to clean up), this JVM removes the run's temporary folder
 * and ends itself.
 */
public final class CellExecutor {
    private static final long DRAIN_MILLIS = 100;

    private final EventChannel channel;
    private final RunnerKernel kernel = new RunnerKernel();
    private final CellEvaluator evaluator;
    private final ClosedInput stdin = new ClosedInput();
    private final ScheduledExecutorService drainer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notebook-output");
        t.setDaemon(true);
        return t;
    });
    private volatile CellStreams streams;

    private CellExecutor(EventChannel channel, Path notebookDir) {
        this.channel = channel;
        this.evaluator = new CellEvaluator(notebookDir, System.out);
        kernel.onDisplay(data -> send(MimeBundles.display(data)), (id, data) -> channel.send(MimeBundles.update(id, data)));
        System.setIn(stdin);
        Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "notebook-output-on-exit"));
    }

    /**
     * Entry point of the notebook JVM.
     *
     * @param args cell list, events file, notebook folder, runner process id, run folder
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: CellExecutor <cells.json> <events> <notebook-dir> <runner-pid> <run-dir>");
            System.exit(2);
        }
        watchRunner(Long.parseLong(args[3]), Path.of(args[4]));
        EventChannel channel;
        try {
            channel = EventChannel.open(Path.of(args[1]));
        } catch (IOException e) {
            System.err.println("cannot open the events file: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<CodeCell> cells;
        try {
            cells = CodeCell.readAll(Path.of(args[0]));
        } catch (IOException e) {
            channel.send(KernelEvent.fatal(e.getMessage()));
            System.exit(1);
            return;
        }
        CellExecutor executor = new CellExecutor(channel, Path.of(args[2]).toAbsolutePath());
        String failed = executor.evaluator.startup();
        if (failed != null) {
            channel.send(KernelEvent.fatal("the runner's start-up line failed to compile: " + failed));
            System.exit(1);
        }
        channel.send(KernelEvent.READY.create());
        for (CodeCell cell : cells) {
            if (!executor.run(cell)) {
                break;
            }
        }
        channel.send(KernelEvent.DONE.create());
        System.exit(0);
    }

    /** Runs one cell and reports it; returns false if it failed. */
    private boolean run(CodeCell cell) {
        channel.send(KernelEvent.START.cell(cell.number()));
        CellStreams s = new CellStreams(channel);
        streams = s;
        stdin.readAtEnd = false;
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        System.setOut(s.stdout());
        System.setErr(s.stderr());
        ScheduledFuture<?> draining = drainer.scheduleWithFixedDelay(s::drain, DRAIN_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        try {
            Object value = evaluator.eval(cell.source());
            if (value != null) {
                DisplayData data = kernel.getRenderer().render(value == RunnerExecutionControl.NULL ? null : value);
                send(MimeBundles.result(data));
            }
            return true;
        } catch (CellError e) {
            send(KernelEvent.error(e.name(), explained(e.getMessage()), e.traceback()));
            return false;
        } catch (RuntimeException | Error e) {
            send(KernelEvent.error(e.getClass().getName(), explained(String.valueOf(e.getMessage())), stackLines(e)));
            return false;
        } finally {
            draining.cancel(false);
            System.out.flush();
            System.err.flush();
            System.setOut(previousOut);
            System.setErr(previousErr);
            s.drain();
            channel.send(KernelEvent.END.cell(cell.number()));
        }
    }

    /** Sends an output event after the text written before it. */
    private void send(JsonObject event) {
        synchronized (channel) {
            drain();
            channel.send(event);
        }
    }

    private void drain() {
        CellStreams s = streams;
        if (s != null) {
            s.drain();
        }
    }

    /** A failing cell that read standard input learns why the read found nothing. */
    private String explained(String message) {
        return stdin.readAtEnd ? message + " (standard input is closed in the notebook runner:"
                + " System.in is always at end of file, so a cell cannot read input)" : message;
    }

    private static List<String> stackLines(Throwable t) {
        List<String> lines = new ArrayList<>();
        lines.add(t.toString());
        for (StackTraceElement el : t.getStackTrace()) {
            lines.add("\tat " + el);
        }
        return lines;
    }

    /** Ends this JVM, after removing the run folder, as soon as the runner's process is gone. */
    private static void watchRunner(long runnerPid, Path runDir) {
        Runnable orphaned = () -> {
            Cleanup.delete(runDir);
            Runtime.getRuntime().halt(1);
        };
        ProcessHandle.of(runnerPid).ifPresentOrElse(runner -> runner.onExit().thenRun(orphaned), orphaned);
    }

    /** System.in of the notebook JVM: always at end of file, remembering that a cell read it. */
    private static final class ClosedInput extends InputStream {
        volatile boolean readAtEnd;

        @Override
        public int read() {
            readAtEnd = true;
            return -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            readAtEnd = true;
            return len == 0 ? 0 : -1;
        }
    }
}
