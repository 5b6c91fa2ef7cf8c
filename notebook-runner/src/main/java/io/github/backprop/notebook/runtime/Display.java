package io.github.backprop.notebook.runtime;

import io.github.backprop.notebook.IJavaRunnerKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * The statics IJava 1.3.0 imports into every notebook ({@code io.github.spencerpark.ijava.runtime.Display}),
 * with the same signatures: {@code display}, {@code render}, {@code updateDisplay}.
 */
public final class Display {
    private Display() {
    }

    /** Renders an object with the kernel's renderer without showing it. */
    public static DisplayData render(Object o) {
        return kernel().getRenderer().render(o);
    }

    /** Renders an object as the given MIME types. */
    public static DisplayData render(Object o, String... as) {
        return kernel().getRenderer().renderAs(o, as);
    }

    /** Shows an object now and returns its display id (for {@link #updateDisplay}). */
    public static String display(Object o) {
        return show(kernel().getRenderer().render(o));
    }

    /** Shows an object as the given MIME types and returns its display id. */
    public static String display(Object o, String... as) {
        return show(kernel().getRenderer().renderAs(o, as));
    }

    /** Replaces the output shown under {@code id}. */
    public static void updateDisplay(String id, Object o) {
        kernel().getIO().display.updateDisplay(id, kernel().getRenderer().render(o));
    }

    /** Replaces the output shown under {@code id}, rendered as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... as) {
        kernel().getIO().display.updateDisplay(id, kernel().getRenderer().renderAs(o, as));
    }

    private static String show(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        kernel().display(data);
        return id;
    }

    private static IJavaRunnerKernel kernel() {
        IJavaRunnerKernel k = IJavaRunnerKernel.current();
        if (k == null) {
            throw new RuntimeException("No IJava kernel running");
        }
        return k;
    }
}
