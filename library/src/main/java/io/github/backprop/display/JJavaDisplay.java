package io.github.backprop.display;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.UUID;

/**
 * The library's display in JJava ({@code org.dflib.jjava.jupyter}, basekernel's successor). Compiled
 * against JJava's API 1.0-a6 and run by JJava 1.0-a6 and 1.0-a7, so it calls only what is the same
 * in both: {@code BaseKernel.notebookKernel()}, {@code getRenderer()}, {@code display(DisplayData)},
 * {@code getIO().display.updateDisplay(String, DisplayData)}, the {@code Renderer} registration API
 * and {@code DisplayData.putTransientData}. Not {@code DisplayData.setDisplayId}, whose return type
 * changed from void to DisplayData in 1.0-a7 (a call compiled against one fails with
 * NoSuchMethodError in the other), nor the {@code DISPLAY_ID_KEY} constant, which 1.0-a7 made
 * private. The only classes, with {@link JJavaExtension}, that touch JJava's types. It mirrors
 * {@link IJavaDisplay} line for line: the two APIs have the same shape but share no types.
 */
final class JJavaDisplay {
    /** The transient key under which a display carries its id (JJava's and Jupyter's "display_id"). */
    private static final String DISPLAY_ID = "display_id";

    private JJavaDisplay() {
    }

    /**
     * The JJava kernel running this notebook.
     *
     * @return the kernel, or null outside JJava's notebook lifecycle
     */
    static BaseKernel runningKernel() {
        try {
            return BaseKernel.notebookKernel();
        } catch (RuntimeException noKernel) {
            // notebookKernel() throws (NullPointerException) when no JJava kernel has started in this JVM
            return null;
        }
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

    /** Shows live displays through the kernel, as JJava's {@code display} and {@code updateDisplay} do. */
    private static final class Sink implements LiveTrainingDisplay.Sink {
        private final BaseKernel kernel;

        Sink(BaseKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public String show(Object value) {
            DisplayData data = kernel.getRenderer().render(value);
            String id = UUID.randomUUID().toString();
            data.putTransientData(DISPLAY_ID, id);
            kernel.display(data);
            return id;
        }

        @Override
        public void update(String id, Object value) {
            kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(value));
        }
    }
}
