package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the code cells of one notebook in this JVM, as IJava 1.3.0 would: JShell with an in-process
 * execution control, IJava's default imports and statics, {@code %jars}, and the last expression
 * of each cell rendered through basekernel's {@code Renderer}. Launched by {@link NotebookRunner}
 * in a JVM of its own, with the notebook's folder as working directory.
 *
 * <p>Arguments: input notebook, output notebook, per-cell timeout in milliseconds. Exit code 0 when
 * every cell ran; 1 when a cell failed (the notebook is still written, up to and including the
 * failing cell, and the last line on stderr starts with {@value #FAILURE_PREFIX}); 2 for a
 * notebook that cannot be read or written.
 */
public final class CellExecutor {
    /** Prefix of the failure line the parent process reads from stderr. */
    static final String FAILURE_PREFIX = "NOTEBOOK-RUNNER-FAILURE ";

    /** IJava's start-up script (its ijava-jshell-init.jshell), pointed at the runner's statics. */
    static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import static io.github.backprop.notebook.runtime.Display.*;",
            "import static io.github.backprop.notebook.runtime.Kernel.*;",
            "public void printf(String format, Object... args) { System.out.printf(format, args); }");

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(?!%)(\\S+)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\S+)");

    private final Path notebookDir;
    private final Duration timeout;
    private final RunnerKernel kernel = new RunnerKernel();
    private final RunnerExecutionControl.Provider provider = new RunnerExecutionControl.Provider();
    private final JShell shell;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notebook-cell-timeout");
        t.setDaemon(true);
        return t;
    });

    private CellOutputs outputs;

    CellExecutor(Path notebookDir, Duration timeout) {
        this.notebookDir = notebookDir;
        this.timeout = timeout;
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(System.out)
                .err(System.err)
                .build();
        kernel.onDisplay(data -> outputs.display(data), (id, data) -> outputs.update(id, data));
        // Let the compiler see what IJava's kernel class path holds (basekernel, the runtime statics).
        // The class loader already sees them through its parent, which wins for duplicates.
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    /**
     * Entry point of the forked notebook JVM.
     *
     * @param args input notebook, output notebook, per-cell timeout in milliseconds
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CellExecutor <in.ipynb> <out.ipynb> <timeout-millis>");
            System.exit(2);
        }
        Path in = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        JsonObject notebook;
        try {
            notebook = NotebookFile.read(in);
        } catch (IOException e) {
            System.err.println(FAILURE_PREFIX + "0 " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        CellExecutor executor = new CellExecutor(in.getParent(), Duration.ofMillis(Long.parseLong(args[2])));
        String failure = executor.runAll(notebook);
        System.setOut(realOut);
        System.setErr(realErr);
        try {
            NotebookFile.write(notebook, out);
        } catch (IOException e) {
            realErr.println(FAILURE_PREFIX + "0 cannot write " + out + ": " + e.getMessage());
            System.exit(2);
        }
        if (failure != null) {
            realErr.println(FAILURE_PREFIX + failure);
            realErr.flush();
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Runs every code cell in order, replacing outputs and setting execution counts. Stops at the
     * first failing cell; cells after it keep no outputs and no execution count.
     *
     * @return null when all cells ran, otherwise "CELL_NUMBER message" (cells counted from 1, all kinds)
     */
    String runAll(JsonObject notebook) {
        for (String line : STARTUP) {
            List<SnippetEvent> events = shell.eval(line);
            for (SnippetEvent e : events) {
                if (e.status() == Snippet.Status.REJECTED) {
                    return "0 the runner's start-up line failed to compile: " + line;
                }
            }
        }
        List<JsonObject> cells = NotebookFile.cells(notebook);
        int executionCount = 0;
        String failure = null;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            if (failure != null) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", null);
                continue;
            }
            executionCount++;
            outputs = new CellOutputs(executionCount);
            String error = runCell(NotebookFile.text(cell.get("source")));
            cell.add("outputs", outputs.toJson());
            cell.addProperty("execution_count", executionCount);
            if (error != null) {
                failure = (i + 1) + " " + error;
            }
        }
        watchdog.shutdownNow();
        return failure;
    }

    /** Runs one cell; returns null or the error message (also recorded as an error output). */
    private String runCell(String source) {
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        System.setOut(outputs.stdout());
        System.setErr(outputs.stderr());
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut.set(true);
            provider.control().killRunning();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Object result = evalCell(source);
            if (timedOut.get()) {
                return outputs.error("TimeoutException", "cell timed out after " + describe(timeout), List.of());
            }
            if (result != null) {
                Object value = result == RunnerExecutionControl.NULL ? null : result;
                outputs.result(kernel.getRenderer().render(value));
            }
            return null;
        } catch (CellError e) {
            if (timedOut.get()) {
                return outputs.error("TimeoutException", "cell timed out after " + describe(timeout), List.of());
            }
            return outputs.error(e.name, e.getMessage(), e.traceback);
        } catch (RuntimeException e) {
            return outputs.error(e.getClass().getName(), String.valueOf(e.getMessage()), stackLines(e));
        } finally {
            alarm.cancel(false);
            System.out.flush();
            System.err.flush();
            System.setOut(previousOut);
            System.setErr(previousErr);
            outputs.flushStreams();
        }
    }

    /**
     * Evaluates a cell: line magics run where they stand; code between them is split into
     * snippets by JShell's source analysis. Returns the live value of the cell's last snippet if it
     * is an expression (or a bare variable), as IJava does; a magic on the last line shows nothing.
     */
    private Object evalCell(String source) throws CellError {
        Matcher cellMagic = CELL_MAGIC.matcher(source);
        if (cellMagic.find()) {
            throw new CellError("UnknownMagicException", "unknown cell magic %%" + cellMagic.group(1)
                    + ": the runner supports only the line magics %jars and %classpath", List.of());
        }
        Object last = null;
        StringBuilder code = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            Matcher m = LINE_MAGIC.matcher(line);
            if (m.matches()) {
                if (!code.toString().isBlank()) {
                    evalCode(code.toString());
                }
                code.setLength(0);
                runLineMagic(m.group(1), m.group(2).trim());
                last = null;
                code.append('\n');
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            last = evalCode(code.toString());
        }
        return last;
    }

    private void runLineMagic(String name, String args) throws CellError {
        switch (name) {
            case "jars" -> {
                for (String glob : splitArgs(args)) {
                    for (Path jar : Globs.files(notebookDir, glob)) {
                        shell.addToClasspath(jar.toString());
                    }
                }
            }
            case "classpath" -> {
                for (String glob : splitArgs(args)) {
                    for (Path path : Globs.paths(notebookDir, glob)) {
                        shell.addToClasspath(path.toString());
                    }
                }
            }
            default -> throw new CellError("UnknownMagicException", "unknown line magic %" + name
                    + ": the runner supports %jars and %classpath (notebooks must not use %maven)", List.of());
        }
    }

    private Object evalCode(String code) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object result = null;
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            result = evalSnippet(info.source());
            info = analysis.analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            throw new CellError("IncompleteSourceException", "incomplete code: " + info.remaining().trim(),
                    List.of(info.remaining().trim()));
        }
        return result;
    }

    private Object evalSnippet(String code) throws CellError {
        List<SnippetEvent> events = shell.eval(code);
        Object result = null;
        for (SnippetEvent event : events) {
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind subKind = event.snippet().subKind();
            Object value = subKind.isExecutable() ? provider.control().takeResult(key) : event.value();
            result = switch (subKind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> value;
                default -> null;
            };
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException e = event.exception();
            if (e instanceof EvalException ee) {
                List<String> trace = new ArrayList<>();
                trace.add(ee.getExceptionClassName() + ": " + ee.getMessage());
                for (StackTraceElement el : ee.getStackTrace()) {
                    trace.add("\tat " + el);
                }
                throw new CellError(ee.getExceptionClassName(), String.valueOf(ee.getMessage()), trace);
            }
            if (e instanceof UnresolvedReferenceException ure) {
                String message = "unresolved reference in " + ure.getSnippet().source().trim();
                throw new CellError("UnresolvedReferenceException", message, List.of(message));
            }
            if (e != null) {
                throw new CellError(e.getClass().getName(), String.valueOf(e.getMessage()), List.of());
            }
            if (!event.status().isDefined()) {
                List<String> trace = new ArrayList<>();
                StringBuilder message = new StringBuilder();
                shell.diagnostics(event.snippet()).forEach(d -> {
                    String text = d.getMessage(Locale.ROOT);
                    message.append(message.length() == 0 ? "" : "; ").append(text);
                    trace.addAll(describe(d, event.snippet().source()));
                });
                if (message.length() == 0) {
                    message.append("snippet rejected: ").append(event.snippet().source().trim());
                }
                throw new CellError("CompilationException", message.toString(), trace);
            }
        }
        return result;
    }

    private static List<String> describe(Diag d, String source) {
        List<String> lines = new ArrayList<>();
        int start = (int) Math.max(0, d.getStartPosition());
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int lineEnd = source.indexOf('\n', start);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        lines.add(line);
        lines.add(" ".repeat(Math.max(0, start - lineStart)) + "^");
        lines.add(d.getMessage(Locale.ROOT));
        return lines;
    }

    private static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(args);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static List<String> stackLines(Throwable t) {
        List<String> lines = new ArrayList<>();
        lines.add(t.toString());
        for (StackTraceElement el : t.getStackTrace()) {
            lines.add("\tat " + el);
        }
        return lines;
    }

    /** An error in a cell, as nbformat's ename, evalue and traceback. */
    private static final class CellError extends Exception {
        private static final long serialVersionUID = 1L;
        final String name;
        final transient List<String> traceback;

        CellError(String name, String message, List<String> traceback) {
            super(message, null, false, false);
            this.name = name;
            this.traceback = traceback;
        }
    }

    /** Collects one cell's outputs in order: streams, displays, the result, an error. */
    static final class CellOutputs {
        private final int executionCount;
        private final List<JsonObject> items = new ArrayList<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

        CellOutputs(int executionCount) {
            this.executionCount = executionCount;
        }

        PrintStream stdout() {
            return stdout;
        }

        PrintStream stderr() {
            return stderr;
        }

        synchronized void flushStreams() {
            stdout.flush();
            stderr.flush();
            flush(out, "stdout");
            flush(err, "stderr");
        }

        private void flush(ByteArrayOutputStream buffer, String name) {
            if (buffer.size() == 0) {
                return;
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            JsonObject last = items.isEmpty() ? null : items.get(items.size() - 1);
            if (last != null && "stream".equals(last.get("output_type").getAsString())
                    && name.equals(last.get("name").getAsString())) {
                last.add("text", NotebookFile.lines(NotebookFile.text(last.get("text")) + text));
                return;
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", name);
            o.addProperty("output_type", "stream");
            o.add("text", NotebookFile.lines(text));
            items.add(o);
        }

        synchronized void display(DisplayData data) {
            flushStreams();
            JsonObject o = new JsonObject();
            o.add("data", mimeBundle(data));
            JsonObject metadata = metadata(data);
            o.add("metadata", metadata);
            o.addProperty("output_type", "display_data");
            if (data.hasDisplayId()) {
                o.add("_display_id", new JsonPrimitive(data.getDisplayId()));
            }
            items.add(o);
        }

        synchronized void update(String id, DisplayData data) {
            for (JsonObject o : items) {
                JsonElement existing = o.get("_display_id");
                if (existing != null && existing.getAsString().equals(id)) {
                    o.add("data", mimeBundle(data));
                    o.add("metadata", metadata(data));
                }
            }
        }

        synchronized void result(DisplayData data) {
            flushStreams();
            JsonObject o = new JsonObject();
            o.add("data", mimeBundle(data));
            o.addProperty("execution_count", executionCount);
            o.add("metadata", metadata(data));
            o.addProperty("output_type", "execute_result");
            items.add(o);
        }

        synchronized String error(String name, String message, List<String> traceback) {
            flushStreams();
            JsonObject o = new JsonObject();
            o.addProperty("ename", name);
            o.addProperty("evalue", message);
            o.addProperty("output_type", "error");
            JsonArray tb = new JsonArray();
            traceback.forEach(tb::add);
            o.add("traceback", tb);
            items.add(o);
            return name + ": " + message;
        }

        synchronized JsonArray toJson() {
            flushStreams();
            JsonArray array = new JsonArray();
            for (JsonObject o : items) {
                o.remove("_display_id");
                array.add(o);
            }
            return array;
        }

        private static JsonObject mimeBundle(DisplayData data) {
            JsonObject bundle = new JsonObject();
            for (Map.Entry<String, Object> e : field(data, "data").entrySet()) {
                Object v = e.getValue();
                if (v instanceof String s) {
                    bundle.add(e.getKey(), e.getKey().startsWith("image/") && !e.getKey().equals("image/svg+xml")
                            ? new JsonPrimitive(s) : NotebookFile.lines(s));
                } else {
                    bundle.add(e.getKey(), new com.google.gson.Gson().toJsonTree(v));
                }
            }
            return bundle;
        }

        private static JsonObject metadata(DisplayData data) {
            JsonObject meta = new JsonObject();
            for (Map.Entry<String, Object> e : field(data, "metadata").entrySet()) {
                meta.add(e.getKey(), new com.google.gson.Gson().toJsonTree(e.getValue()));
            }
            return meta;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> field(DisplayData data, String name) {
            try {
                Field f = DisplayData.class.getDeclaredField(name);
                f.setAccessible(true);
                Object map = f.get(data);
                return map == null ? Map.of() : (Map<String, Object>) map;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read basekernel DisplayData." + name, e);
            }
        }
    }
}
