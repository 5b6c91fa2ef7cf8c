package io.github.backprop.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kernel a notebook sees in JJava's dialect ({@link KernelDialect#JJAVA}), as JJava's kernel is:
 * a JJava {@link BaseKernel} (API 1.0-a6) that is {@link BaseKernel#notebookKernel()} between
 * {@link #onStartup()} and {@link #onShutdown(boolean)}, whose {@link #getRenderer()} renders every
 * result, whose {@link #display(DisplayData)} and {@code getIO().display.updateDisplay(...)} record
 * outputs into the notebook being run, whose magics registry holds {@code %classpath} and
 * {@code %jars} (for JJava's {@code lineMagic(...)} static), and whose class loader is the one the
 * cells run in, so that the extensions it installs from the jars {@code %classpath} adds share their
 * classes with the notebook's code, as in JJava. Its display recording mirrors {@link IJavaRunnerKernel}'s:
 * the two APIs have the same shape but share no types.
 */
public final class JJavaRunnerKernel extends BaseKernel {
    private final ClassLoader notebookLoader;
    private Consumer<DisplayData> onDisplay = d -> { };
    private BiConsumer<String, DisplayData> onUpdate = (id, d) -> { };
    private Function<String, Object> evaluator = source -> {
        throw new IllegalStateException("the notebook runner is not evaluating cells yet");
    };

    /**
     * @param notebookLoader the class loader the notebook's snippets and added jars are loaded by
     * @param lineMagics runs a line magic by name with its arguments, as the runner's cells do
     */
    JJavaRunnerKernel(ClassLoader notebookLoader, BiConsumer<String, List<String>> lineMagics) {
        super("JJava", "notebook runner", languageInfo(), List.of(), null,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                magics(lineMagics), true, new StringStyler.Builder().build());
        this.notebookLoader = notebookLoader;
        replaceDisplayStream();
    }

    /**
     * Creates the kernel quietly: JJava's API logs through SLF4J, which the runner's class path
     * has without a binding (JJava shades its own), so SLF4J's first use would warn on stderr.
     */
    static JJavaRunnerKernel create(ClassLoader notebookLoader, BiConsumer<String, List<String>> lineMagics) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new JJavaRunnerKernel(notebookLoader, lineMagics);
        } finally {
            System.setErr(err);
        }
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static MagicsRegistry magics(BiConsumer<String, List<String>> lineMagics) {
        MagicsRegistry registry = new MagicsRegistry();
        for (String name : List.of("classpath", "jars")) {
            registry.registerLineMagic(name, (kernel, args) -> {
                lineMagics.accept(name, args);
                return null;
            });
        }
        return registry;
    }

    void onDisplay(Consumer<DisplayData> display, BiConsumer<String, DisplayData> update) {
        this.onDisplay = display;
        this.onUpdate = update;
    }

    /** Lets {@link #evalRaw(String)} evaluate code as a cell (outside a running snippet). */
    void evaluateWith(Function<String, Object> cellEvaluator) {
        this.evaluator = cellEvaluator;
    }

    /**
     * Installs the extensions that the given class path entries list in
     * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, as JJava does after {@code %classpath}.
     */
    void installExtensionsFrom(List<Path> paths) {
        installExtensions(paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }

    /** The class loader of the notebook's code: extensions are loaded through it. */
    @Override
    protected ClassLoader getClassLoader() {
        return notebookLoader;
    }

    @Override
    public void display(DisplayData data) {
        onDisplay.accept(data);
    }

    /**
     * Evaluates code as a cell would (magics included) and returns its last value, for JJava's
     * {@code eval(...)} static and for extensions. Not from inside a running cell: the runner's
     * JShell runs one snippet at a time.
     */
    @Override
    public Object evalRaw(String source) {
        return evaluator.apply(source);
    }

    /** Not emulated: no one asks a headless run for documentation. */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    /** Not emulated: no one asks a headless run for completions. */
    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    /** Not emulated: the runner takes every cell as complete. */
    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }

    private void replaceDisplayStream() {
        DisplayStream recording = new DisplayStream() {
            @Override
            public void display(DisplayData data) {
                onDisplay.accept(data);
            }

            @Override
            public void updateDisplay(DisplayData data) {
                if (!data.hasDisplayId()) {
                    throw new IllegalArgumentException("Data must have a display_id in order to update an existing display.");
                }
                onUpdate.accept(data.getDisplayId(), data);
            }

            @Override
            public void updateDisplay(String id, DisplayData data) {
                onUpdate.accept(id, data);
            }
        };
        try {
            Field field = JupyterIO.class.getDeclaredField("display");
            field.setAccessible(true);
            field.set(io, recording);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot attach the runner's display stream to JJava's JupyterIO", e);
        }
    }
}
