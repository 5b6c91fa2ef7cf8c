package io.github.backprop.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a cell's source the way IJava 1.3.0 does: line magics run where they stand, the code
 * between them is split into snippets by JShell's source analysis and run in this JVM, and the
 * cell's value is the live object of its last snippet if that is an expression or a bare variable.
 * A compile error, an exception or an unknown magic becomes a {@link CellError}.
 */
final class CellEvaluator {
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

    private final RunnerExecutionControl.Provider provider = new RunnerExecutionControl.Provider();
    private final JShell shell;
    private final LineMagics magics;

    /**
     * @param notebookDir the notebook's folder, against which magics resolve relative paths
     * @param out where JShell itself reports (not the cells' output)
     */
    CellEvaluator(Path notebookDir, PrintStream out) {
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(out)
                .err(out)
                .build();
        this.magics = new LineMagics(notebookDir, shell::addToClasspath);
        // Let the compiler see what IJava's kernel class path holds (basekernel, the runtime statics).
        // The class loader already sees them through its parent, which wins for duplicates.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    /**
     * Runs IJava's start-up script.
     *
     * @return null, or the line that failed to compile
     */
    String startup() {
        for (String line : STARTUP) {
            for (SnippetEvent e : shell.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    return line;
                }
            }
        }
        return null;
    }

    /**
     * Evaluates a cell. A magic on the last line shows nothing.
     *
     * @return the cell's value ({@link RunnerExecutionControl#NULL} for null), or null if the cell
     *     has no value to show
     */
    Object eval(String source) throws CellError {
        magics.refuseCellMagic(source);
        try {
            Object last = null;
            StringBuilder code = new StringBuilder();
            for (String line : source.split("\n", -1)) {
                LineMagics.Call call = LineMagics.parse(line);
                if (call != null) {
                    if (!code.toString().isBlank()) {
                        evalCode(code.toString());
                    }
                    code.setLength(0);
                    magics.run(call);
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
        } finally {
            provider.control().forgetResults();
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
            if (event.causeSnippet() == null) {
                failIfRejected(event);
            }
        }
        return result;
    }

    private void failIfRejected(SnippetEvent event) throws CellError {
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
}
