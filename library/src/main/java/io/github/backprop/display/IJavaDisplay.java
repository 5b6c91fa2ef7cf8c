package io.github.backprop.display;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.UUID;

/**
 * The library's display in kernels built on basekernel ({@code io.github.spencerpark.jupyter.kernel}):
 * IJava 1.3.0, which bundles basekernel 2.3.0, and the project's headless notebook runner, which
 * emulates IJava. The only class, with {@link Notebook#setup(BaseKernel)}, that touches basekernel's
 * types, so the library loads and runs in JVMs without basekernel (plain Java, JJava).
 */
final class IJavaDisplay {
    /**
     * Classes whose static {@value #ACCESSOR}() returns the running basekernel kernel, tried in order:
     * IJava 1.3.0's main class, and the headless notebook runner's mirror of IJava's runtime statics.
     */
    static final List<String> KERNEL_ACCESSORS = List.of(
            "io.github.spencerpark.ijava.IJava",
            "io.github.backprop.notebook.runtime.Kernel");
    /** The name of the static accessor on each of {@link #KERNEL_ACCESSORS}. */
    static final String ACCESSOR = "getKernelInstance";

    private IJavaDisplay() {
    }

    /**
     * The basekernel kernel running this notebook, found through {@link #KERNEL_ACCESSORS}.
     *
     * @param loader the class loader that sees the kernel's classes (the library's own)
     * @return the kernel, or null when no accessor is present or none returns a kernel
     */
    static BaseKernel runningKernel(ClassLoader loader) {
        for (String accessor : KERNEL_ACCESSORS) {
            Object kernel = callStatic(loader, accessor, ACCESSOR);
            if (kernel instanceof BaseKernel k) {
                return k;
            }
        }
        return null;
    }

    /** Registers the library's renderers with the kernel (once per renderer) and returns its live-display sink. */
    static LiveTrainingDisplay.Sink attach(BaseKernel kernel) {
        Renderer renderer = kernel.getRenderer();
        if (Notebook.firstTime(renderer)) {
            Renderings.ALL.forEach(r -> register(renderer, r));
        }
        return new Sink(kernel);
    }

    private static <T> void register(Renderer renderer, Renderings.Rendering<T> r) {
        MIMEType rich = r.rich() == Renderings.Rich.HTML ? MIMEType.TEXT_HTML : MIMEType.IMAGE_PNG;
        renderer.createRegistration(r.type())
                .preferring(rich)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((value, ctx) -> {
                    ctx.renderIfRequested(rich, () -> r.richForm().apply(value));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> r.text().apply(value));
                });
    }

    /**
     * Calls {@code className.method()} if that class is visible and the method is public and static.
     *
     * @return what it returned, or null when the class or method is not there
     */
    private static Object callStatic(ClassLoader loader, String className, String method) {
        Method m;
        try {
            m = Class.forName(className, true, loader).getMethod(method);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        try {
            return m.invoke(null);
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the kernel's " + className + "." + method + "() failed: " + e.getCause(), e.getCause());
        }
    }

    /** Shows live displays through the kernel, as IJava's {@code display} and {@code updateDisplay} do. */
    private static final class Sink implements LiveTrainingDisplay.Sink {
        private final BaseKernel kernel;

        Sink(BaseKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public String show(Object value) {
            DisplayData data = kernel.getRenderer().render(value);
            String id = UUID.randomUUID().toString();
            data.setDisplayId(id);
            kernel.display(data);
            return id;
        }

        @Override
        public void update(String id, Object value) {
            kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(value));
        }
    }
}
