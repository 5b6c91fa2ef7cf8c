package io.github.backprop.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics the runner understands, as IJava 1.3.0 spells them: the line magics {@code %jars}
 * and {@code %classpath} at the start of a line; no cell magics. This is the one place that knows
 * the kernel's magic dialect.
 */
final class LineMagics {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(?!%)(\\S+)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\S+)");
    private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    private final Path notebookDir;
    private final Consumer<String> addToClasspath;

    /**
     * @param notebookDir the folder relative globs resolve against
     * @param addToClasspath adds one file or folder to the class path the cells compile and run with
     */
    LineMagics(Path notebookDir, Consumer<String> addToClasspath) {
        this.notebookDir = notebookDir;
        this.addToClasspath = addToClasspath;
    }

    /** Refuses a cell that starts with a cell magic ({@code %%name}). */
    void refuseCellMagic(String source) throws CellError {
        Matcher cellMagic = CELL_MAGIC.matcher(source);
        if (cellMagic.find()) {
            throw new CellError("UnknownMagicException", "unknown cell magic %%" + cellMagic.group(1)
                    + ": the runner supports only the line magics %jars and %classpath", List.of());
        }
    }

    /** The line as a magic call, or null if the line is code. */
    static Call parse(String line) {
        Matcher m = LINE_MAGIC.matcher(line);
        return m.matches() ? new Call(m.group(1), m.group(2).trim()) : null;
    }

    /** Runs one line magic. */
    void run(Call call) throws CellError {
        switch (call.name()) {
            case "jars" -> {
                for (String glob : arguments(call.args())) {
                    for (Path jar : Globs.files(notebookDir, glob)) {
                        addToClasspath.accept(jar.toString());
                    }
                }
            }
            case "classpath" -> {
                for (String glob : arguments(call.args())) {
                    for (Path path : Globs.paths(notebookDir, glob)) {
                        addToClasspath.accept(path.toString());
                    }
                }
            }
            default -> throw new CellError("UnknownMagicException", "unknown line magic %" + call.name()
                    + ": the runner supports %jars and %classpath (notebooks must not use %maven)", List.of());
        }
    }

    private static List<String> arguments(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = ARGUMENT.matcher(args);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    /** A line magic as written: {@code %name args}. */
    record Call(String name, String args) {
    }
}
