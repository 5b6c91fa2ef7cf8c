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
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * What the library shows in a notebook, whatever the kernel: for each type, its rich form (an HTML
 * table or a PNG picture) and its plain text. {@link IJavaDisplay} and {@link JJavaDisplay} hand
 * this list to their kernel's renderer; nothing here depends on a kernel.
 */
final class Renderings {
    /** The rich form of a value, as a MIME type. */
    enum Rich {
        /** {@code text/html}: tables. */
        HTML,
        /** {@code image/png}, base64-encoded: charts and pictures. */
        PNG
    }

    /**
     * How values of one type show.
     *
     * @param type the type (subclasses included)
     * @param rich the MIME type of the rich form
     * @param richForm the rich form: HTML, or a base64-encoded PNG
     * @param text the plain-text form, for text-only front ends
     * @param <T> the type
     */
    record Rendering<T>(Class<T> type, Rich rich, Function<T, String> richForm, Function<T, String> text) {
    }

    /** Every type the library renders, in the order they are registered. */
    static final List<Rendering<?>> ALL = List.of(
            new Rendering<>(Table.class, Rich.HTML, HtmlTable::html, HtmlTable::text),
            new Rendering<>(Chart.class, Rich.PNG, chart -> base64(Charts.toPng(chart)), chart -> "chart: " + chart.getTitle()),
            new Rendering<>(Picture.class, Rich.PNG, picture -> base64(picture.toPng()), Picture::toString),
            new Rendering<>(NetworkDiagram.class, Rich.PNG, diagram -> base64(diagram.picture().toPng()), NetworkDiagram::toString),
            asTable(History.class, Tables::history),
            asTable(Trace.class, Tables::neurons),
            asTable(ForwardPass.class, Tables::forwardPass),
            asTable(GradientCheckResult.class, Tables::gradientCheck),
            asTable(ConfusionMatrix.class, Tables::confusionMatrix),
            asTable(Dataset.class, Tables::dataset));

    private Renderings() {
    }

    /** A result that shows as its table in HTML, and as its own {@code toString()} in text. */
    private static <T> Rendering<T> asTable(Class<T> type, Function<T, Table> toTable) {
        return new Rendering<>(type, Rich.HTML, value -> HtmlTable.html(toTable.apply(value)), Object::toString);
    }

    private static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
