package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import jdk.jshell.execution.LoaderDelegate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The kernel a notebook's code talks to, in one {@link KernelDialect}: what JShell starts with, how
 * a cell's value and its displays become outputs, and what follows when a magic adds to the class
 * path. {@link CellExecutor} has one per notebook JVM; each implementation is the only code that
 * touches its kernel's API, which is the only one on that JVM's class path.
 */
interface EmulatedKernel {
    /**
     * The kernel of a dialect.
     *
     * @param dialect which kernel
     * @param display records a display (the kernel's {@code DisplayData})
     * @param update records an update of the display with that id
     */
    static EmulatedKernel create(KernelDialect dialect, Consumer<Object> display, BiConsumer<String, Object> update) {
        return switch (dialect) {
            case IJAVA -> new IJavaEmulation(display, update);
            case JJAVA -> new JJavaEmulation(display, update);
        };
    }

    /** The dialect. */
    KernelDialect dialect();

    /** How JShell loads the snippets' classes; null for JShell's own way. */
    LoaderDelegate loaderDelegate();

    /** The class path the cells compile against, besides what magics add: the runner's statics and the kernel's API. */
    default List<String> compilerClassPath() {
        return KernelClassPath.compiled(dialect());
    }

    /** The kernel's start-up script, one snippet per entry. */
    List<String> startupScript();

    /**
     * Starts the kernel, before its start-up script runs.
     *
     * @param cells evaluates code as a cell, for kernels that let notebooks do that
     * @param magics runs a line magic by name, for kernels that let notebooks do that
     */
    void start(java.util.function.Function<String, Object> cells, BiConsumer<String, List<String>> magics);

    /** The {@link KernelEvent#RESULT} event for a cell's value (null included). */
    JsonObject result(Object value);

    /** Called after a magic added these paths to the class path. */
    void added(List<Path> paths);

    /** Stops the kernel after the last cell. */
    void stop();
}
