package io.github.backprop.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics the runner understands, as each kernel spells them: the line magics {@code %classpath}
 * and {@code %jars} at the start of a line; no cell magics. This is the one place that knows the
 * kernels' magic dialects:
 * <ul>
 *   <li>IJava 1.3.0: {@code %jars} adds the files a glob matches, {@code %classpath} files and folders.</li>
 *   <li>JJava: {@code %classpath} adds files and folders, then JJava installs the extensions found in
 *       them; {@code %jars} does the same after printing JJava's deprecation warning to stderr.</li>
 * </ul>
 * A glob whose folder is missing fails as in both kernels (see {@link Globs}), with the kernel's
 * wording and the cause added. Anything else, {@code %maven} included, is refused with a message
 * that names it: the runner never downloads.
 */
final class LineMagics {
    /** What JJava prints to stderr for {@code %jars} (its {@code JarsMagic}). */
    static final String JJAVA_JARS_WARNING = "'%jars' magic is deprecated and will be removed in the future versions of JJava. "
            + "A more generic '%classpath' should be used in its place.";

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(?!%)(\\S+)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\S+)");
    private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    private final KernelDialect dialect;
    private final Path notebookDir;
    private final Consumer<String> addToClasspath;
    private final Consumer<List<Path>> added;

    /**
     * @param dialect the kernel whose magics these are
     * @param notebookDir the folder relative globs resolve against
     * @param addToClasspath adds one file or folder to the class path the cells compile and run with
     * @param added told what one magic added, after it was added (JJava installs extensions from it)
     */
    LineMagics(KernelDialect dialect, Path notebookDir, Consumer<String> addToClasspath, Consumer<List<Path>> added) {
        this.dialect = dialect;
        this.notebookDir = notebookDir;
        this.addToClasspath = addToClasspath;
        this.added = added;
    }

    /** Refuses a cell that starts with a cell magic ({@code %%name}). */
    void refuseCellMagic(String source) throws CellError {
        Matcher cellMagic = CELL_MAGIC.matcher(source);
        if (cellMagic.find()) {
            throw new CellError("UnknownMagicException", "unknown cell magic %%" + cellMagic.group(1)
                    + ": the runner supports only the line magics %classpath and %jars", List.of());
        }
    }

    /** The line as a magic call, or null if the line is code. */
    static Call parse(String line) {
        Matcher m = LINE_MAGIC.matcher(line);
        return m.matches() ? new Call(m.group(1), arguments(m.group(2).trim())) : null;
    }

    /**
     * Runs one line magic written in a cell.
     *
     * @throws CellError for an unknown magic, or with the kernel's wording when the magic fails
     */
    void run(Call call) throws CellError {
        try {
            apply(call.name(), call.args());
        } catch (UnknownMagic e) {
            throw new CellError("UnknownMagicException", e.getMessage(), List.of(e.getMessage()));
        } catch (RuntimeException e) {
            String prefix = dialect == KernelDialect.IJAVA ? "Exception occurred while running line magic '" : "Exception running line magic '";
            throw CellError.of("java.lang.RuntimeException", prefix + call.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Runs a line magic by name, throwing what the kernel's own magic throws (JJava's
     * {@code lineMagic(name, args)} static calls this and wraps the exception itself).
     *
     * @throws UnknownMagic if the runner has no such magic
     * @throws RuntimeException if a glob's folder is missing, in the kernel's wording, with the cause
     */
    void apply(String name, List<String> args) {
        Globs.Match match;
        switch (name) {
            case "classpath" -> match = Globs.Match.PATHS;
            case "jars" -> {
                if (dialect == KernelDialect.JJAVA) {
                    System.err.println(JJAVA_JARS_WARNING);
                }
                match = dialect == KernelDialect.IJAVA ? Globs.Match.FILES : Globs.Match.PATHS;
            }
            default -> throw new UnknownMagic(name, dialect);
        }
        List<Path> paths = new ArrayList<>();
        for (String glob : args) {
            try {
                paths.addAll(Globs.resolve(notebookDir, glob, match));
            } catch (IOException e) {
                throw dialect == KernelDialect.IJAVA
                        ? new UncheckedIOException("Exception resolving jar glob", e)
                        : new UncheckedIOException("Error resolving glob '" + glob + "': " + e.getMessage(), e);
            }
        }
        for (Path path : paths) {
            addToClasspath.accept(path.toString());
        }
        if (!paths.isEmpty()) {
            added.accept(paths);
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
    record Call(String name, List<String> args) {
    }

    /** A magic the runner does not have. */
    static final class UnknownMagic extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownMagic(String name, KernelDialect dialect) {
            super("unknown line magic %" + name + ": the runner supports only %classpath and %jars"
                    + (dialect == KernelDialect.IJAVA
                    ? " (notebooks must not use %maven: IJava's drops artifacts packaged as bundles, such as Guava)"
                    : " (it never downloads, so JJava's %maven and the like are refused:"
                    + " build the jars and add them with %classpath)"), null, false, false);
        }
    }
}
