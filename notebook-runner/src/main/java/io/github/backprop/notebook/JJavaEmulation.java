package io.github.backprop.notebook;

import com.google.gson.JsonObject;
import jdk.jshell.execution.LoaderDelegate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * JJava's kernel as the runner emulates it: JJava's way of loading classes ({@link JJavaClassLoading}),
 * a {@link JJavaRunnerKernel} that becomes {@code BaseKernel.notebookKernel()} and installs the
 * extensions on its class path when it starts ({@code onStartup()}), then JJava's start-up script
 * (which JJava runs from an extension of its own, {@code NotebookInitializer}); after each
 * {@code %classpath} it installs the extensions the added jars list, as JJava's
 * {@code JavaKernel.addToClasspath} does.
 */
final class JJavaEmulation implements EmulatedKernel {
    /** JJava's start-up script (its {@code NotebookInitializer}), with the runner's {@code kernel()} statics. */
    static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.time.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;",
            "import static io.github.backprop.notebook.runtime.JavaNotebookStatics.*;");

    private final JJavaClassLoading classLoading = new JJavaClassLoading();
    private final Consumer<Object> display;
    private final BiConsumer<String, Object> update;
    private JJavaRunnerKernel kernel;

    JJavaEmulation(Consumer<Object> display, BiConsumer<String, Object> update) {
        this.display = display;
        this.update = update;
        // as JJava's loader delegate does: cells run with the notebook's class loader as context class loader
        Thread.currentThread().setContextClassLoader(classLoading.classLoader());
    }

    @Override
    public KernelDialect dialect() {
        return KernelDialect.JJAVA;
    }

    @Override
    public LoaderDelegate loaderDelegate() {
        return classLoading;
    }

    @Override
    public List<String> startupScript() {
        return STARTUP;
    }

    @Override
    public void start(Function<String, Object> cells, BiConsumer<String, List<String>> magics) {
        kernel = JJavaRunnerKernel.create(classLoading.classLoader(), magics);
        kernel.onDisplay(display::accept, update::accept);
        kernel.evaluateWith(cells);
        kernel.onStartup();
    }

    @Override
    public JsonObject result(Object value) {
        return MimeBundles.result(kernel.getRenderer().render(value));
    }

    @Override
    public void added(List<Path> paths) {
        kernel.installExtensionsFrom(paths);
    }

    @Override
    public void stop() {
        kernel.onShutdown(false);
    }
}
