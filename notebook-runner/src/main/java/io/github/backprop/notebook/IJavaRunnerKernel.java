package io.github.backprop.notebook;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.DisplayStream;
import io.github.spencerpark.jupyter.kernel.JupyterIO;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.lang.reflect.Field;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The kernel a notebook sees through {@code getKernelInstance()} in IJava's dialect ({@link KernelDialect#IJAVA}),
 * as IJava 1.3.0's kernel is: a basekernel {@link BaseKernel}
 * whose {@link #getRenderer()} is the renderer the runner renders results with, and whose
 * {@link #display(DisplayData)} and {@code getIO().display.updateDisplay(...)} record outputs into
 * the notebook being run.
 */
public final class IJavaRunnerKernel extends BaseKernel {
    private static volatile IJavaRunnerKernel current;

    private final LanguageInfo languageInfo = new LanguageInfo.Builder("Java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();
    private final JupyterIO io = new JupyterIO();
    private Consumer<DisplayData> onDisplay = d -> { };
    private BiConsumer<String, DisplayData> onUpdate = (id, d) -> { };

    IJavaRunnerKernel() {
        replaceDisplayStream();
        current = this;
    }

    /** The kernel of the notebook running in this JVM, or null outside the runner. */
    public static IJavaRunnerKernel current() {
        return current;
    }

    void onDisplay(Consumer<DisplayData> display, BiConsumer<String, DisplayData> update) {
        this.onDisplay = display;
        this.onUpdate = update;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    /** Not used: the runner evaluates cells itself. */
    @Override
    public DisplayData eval(String expr) {
        throw new UnsupportedOperationException("the notebook runner evaluates cells itself");
    }

    @Override
    public JupyterIO getIO() {
        return io;
    }

    @Override
    public void display(DisplayData data) {
        onDisplay.accept(data);
    }

    private void replaceDisplayStream() {
        DisplayStream recording = new DisplayStream() {
            @Override
            public void display(DisplayData data) {
                onDisplay.accept(data);
            }

            @Override
            public void updateDisplay(DisplayData data) {
                if (data.hasDisplayId()) {
                    onUpdate.accept(data.getDisplayId(), data);
                }
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
            throw new IllegalStateException("cannot attach the runner's display stream to basekernel's JupyterIO", e);
        }
    }
}
