package io.github.backprop.display;

import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.Trace;
import io.github.backprop.chart.Charts;
import io.github.backprop.chart.NetworkDiagram;
import io.github.backprop.chart.Picture;
import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.table.Tables;
import io.github.backprop.train.History;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Switches on inline display in an IJava notebook. After
 * <pre>{@code
 * Notebook.setup(getKernelInstance());
 * }</pre>
 * a Tablesaw {@link Table} shows as an HTML table (long tables truncated, with a note of the hidden
 * rows), a chart or {@link Picture} as a PNG image, and the library's own results (training
 * {@link History}, {@link Trace}, {@link ForwardPass}, {@link GradientCheckResult},
 * {@link ConfusionMatrix}, {@link Dataset}, {@link NetworkDiagram}) as tables or pictures, whenever
 * they are a cell's last expression or passed to {@code display(...)}. Running the setup again
 * registers nothing twice. Also lets {@link LiveTrainingDisplay} find the kernel.
 *
 * <p>This is the only class, with the live display, that uses the kernel's display API
 * (basekernel, which IJava bundles); the rest of the library never needs it.
 */
public final class Notebook {
    private static final Map<Renderer, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile BaseKernel kernel;

    private Notebook() {
    }

    /**
     * Registers the library's renderers with the kernel (once per kernel).
     *
     * @param kernel the notebook's kernel: {@code getKernelInstance()} in IJava
     * @return a one-line confirmation, shown as the setup cell's output
     */
    public static String setup(BaseKernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("no kernel: call Notebook.setup(getKernelInstance()) inside an IJava notebook");
        }
        Notebook.kernel = kernel;
        Renderer renderer = kernel.getRenderer();
        if (REGISTERED.putIfAbsent(renderer, Boolean.TRUE) == null) {
            register(renderer);
        }
        return "backprop: tables and charts will show inline";
    }

    /** The kernel given to {@link #setup}, or null outside a notebook. */
    static BaseKernel kernel() {
        return kernel;
    }

    /** How many renderers have been set up (for tests of idempotence). */
    static int registrations() {
        return REGISTERED.size();
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.html(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> HtmlTable.text(table));
                });
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(Charts.toPng(chart)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + chart.getTitle());
                });
        renderer.createRegistration(Picture.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((picture, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(picture.toPng()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, picture::toString);
                });
        renderer.createRegistration(NetworkDiagram.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((diagram, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(diagram.picture().toPng()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, diagram::toString);
                });
        asTable(renderer, History.class, Tables::history);
        asTable(renderer, Trace.class, Tables::neurons);
        asTable(renderer, ForwardPass.class, Tables::forwardPass);
        asTable(renderer, GradientCheckResult.class, Tables::gradientCheck);
        asTable(renderer, ConfusionMatrix.class, Tables::confusionMatrix);
        asTable(renderer, Dataset.class, Tables::dataset);
    }

    private static <T> void asTable(Renderer renderer, Class<T> type, Function<T, Table> toTable) {
        renderer.createRegistration(type)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((value, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.html(toTable.apply(value)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, value::toString);
                });
    }
}
