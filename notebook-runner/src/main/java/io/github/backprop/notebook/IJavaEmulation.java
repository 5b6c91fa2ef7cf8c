package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import jdk.jshell.execution.LoaderDelegate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * IJava 1.3.0's kernel as the runner emulates it: JShell's own class loading (IJava's execution
 * control extends JShell's {@code DirectExecutionControl} and keeps its loader), IJava's start-up
 * script with the runner's statics in place of {@code io.github.spencerpark.ijava.runtime}, and an
 * {@link IJavaRunnerKernel} whose renderer renders every result. Nothing happens after a magic adds
 * jars: IJava has no extensions.
 */
final class IJavaEmulation implements EmulatedKernel {
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

    private final IJavaRunnerKernel kernel = new IJavaRunnerKernel();

    IJavaEmulation(Consumer<Object> display, BiConsumer<String, Object> update) {
        kernel.onDisplay(display::accept, update::accept);
    }

    @Override
    public KernelDialect dialect() {
        return KernelDialect.IJAVA;
    }

    @Override
    public LoaderDelegate loaderDelegate() {
        return null;
    }

    @Override
    public List<String> startupScript() {
        return STARTUP;
    }

    @Override
    public void start(Function<String, Object> cells, BiConsumer<String, List<String>> magics) {
        // IJava's statics reach the kernel through IJavaRunnerKernel.current(), set when it was made
    }

    @Override
    public JsonObject result(Object value) {
        return MimeBundles.result(kernel.getRenderer().render(value));
    }

    @Override
    public void added(List<Path> paths) {
        // IJava has no extensions
    }

    @Override
    public void stop() {
        // IJava's kernel keeps nothing to release
    }
}
