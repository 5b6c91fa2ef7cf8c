package io.github.backprop.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The axis rules of {@link ChartStyle}, applied while a chart is drawn and undone afterwards, so
 * that they hold for every XY chart however it was made (the library's, or one restyled in a
 * notebook) and the chart itself is left as it was.
 *
 * <ul>
 *   <li><b>Log axes show readable decades.</b> A logarithmic y axis starts and ends at a power of
 *       ten and labels only the decades (1E-4, 0.001, 0.01, 0.1, 1, ...). When the data span more than
 *       {@link ChartStyle#MAX_DECADE_LABELS} decades, the axis is drawn from log10 of the values on
 *       a linear scale whose round steps (2, 5, 10, 20, ... decades) are labelled as powers of ten,
 *       so 51 decades get a handful of labels instead of 51 on top of each other.</li>
 *   <li><b>A legend below the plot stays inside the picture.</b> When its entries in one row would
 *       be wider than the chart, they are stacked in a column instead.</li>
 *   <li><b>Many equally spaced x values get round ticks.</b> XChart 3.8 puts the x ticks on the
 *       data points when the x values are equally spaced (epochs 1, 99, 197, ... for 1,362
 *       epochs). For more than {@value #DATA_TICKS_UP_TO} such values an invisible point between
 *       two of them (not in the legend) lets XChart choose round ticks (0, 200, 400, ...).</li>
 * </ul>
 *
 * Drawing is not thread-safe for one chart (XChart's is not either): do not draw the same chart
 * from two threads at once.
 */
final class ReadableAxes {
    /** Up to this many equally spaced x values keep a tick on every data point (XChart's choice). */
    static final int DATA_TICKS_UP_TO = 20;
    private static final String HIDDEN = "\u200b";

    private ReadableAxes() {
    }

    /**
     * Draws a chart with the axis rules in force.
     *
     * @param chart the chart (left as it was afterwards)
     * @param draw what to do with the prepared chart, e.g. encode it as a PNG
     * @param <T> the result
     * @return what {@code draw} returned
     */
    static <T> T draw(Chart<?, ?> chart, Supplier<T> draw) {
        if (!(chart instanceof XYChart xy) || xy.getSeriesMap().isEmpty()) {
            return draw.get();
        }
        List<Runnable> undo = new ArrayList<>();
        try {
            if (xy.getStyler().isYAxisLogarithmic()) {
                readableLogY(xy, undo);
            }
            roundXTicks(xy, undo);
            fitLegend(xy, undo);
            return draw.get();
        } finally {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
        }
    }

    /**
     * The decades a log axis over these values spans: [floor(log10 min), ceil(log10 max)] of the
     * positive finite values, at least one decade wide.
     *
     * @return {lowest, highest} exponent, or null if there is no positive finite value
     */
    static int[] decades(double min, double max) {
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
            return null;
        }
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        return new int[] {lo, Math.max(hi, lo + 1)};
    }

    /**
     * A power of ten as a tick label, as XChart writes the decades of its own log axes: 0.001 to
     * 1000 written out, otherwise as 1E-5, 1E12.
     *
     * @param exponent the power of ten
     * @return the label
     */
    static String decadeLabel(int exponent) {
        if (exponent >= 0 && exponent <= 3) {
            return String.valueOf((int) Math.round(Math.pow(10, exponent)));
        }
        if (exponent < 0 && exponent >= -3) {
            return String.format(Locale.ROOT, "%." + (-exponent) + "f", Math.pow(10, exponent));
        }
        return "1E" + exponent;
    }

    private static void readableLogY(XYChart chart, List<Runnable> undo) {
        XYStyler styler = chart.getStyler();
        double min = styler.getYAxisMin() != null ? styler.getYAxisMin() : Double.POSITIVE_INFINITY;
        double max = styler.getYAxisMax() != null ? styler.getYAxisMax() : 0;
        if (styler.getYAxisMin() == null || styler.getYAxisMax() == null) {
            for (XYSeries s : chart.getSeriesMap().values()) {
                for (double y : s.getYData()) {
                    if (y > 0 && Double.isFinite(y)) {
                        min = styler.getYAxisMin() == null ? Math.min(min, y) : min;
                        max = styler.getYAxisMax() == null ? Math.max(max, y) : max;
                    }
                }
            }
        }
        int[] decades = decades(min, max);
        if (decades == null) {
            return;
        }
        Double oldMin = styler.getYAxisMin();
        Double oldMax = styler.getYAxisMax();
        undo.add(() -> {
            styler.setYAxisMin(oldMin);
            styler.setYAxisMax(oldMax);
        });
        if (decades[1] - decades[0] <= ChartStyle.MAX_DECADE_LABELS) {
            boolean oldDecadeOnly = styler.isYAxisLogarithmicDecadeOnly();
            undo.add(() -> styler.setYAxisLogarithmicDecadeOnly(oldDecadeOnly));
            styler.setYAxisLogarithmicDecadeOnly(true);
            styler.setYAxisMin(Math.pow(10, decades[0]));
            styler.setYAxisMax(Math.pow(10, decades[1]));
            return;
        }
        // too many decades to label each: draw log10(y) on a linear axis, label its round steps as powers of ten
        Map<String, double[]> original = new LinkedHashMap<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] y = s.getYData();
            double[] logY = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                logY[i] = y[i] > 0 && Double.isFinite(y[i]) ? Math.log10(y[i]) : Double.NaN;
            }
            original.put(s.getName(), y);
            chart.updateXYSeries(s.getName(), s.getXData(), logY, null);
        }
        Function<Double, String> oldFormat = styler.getyAxisTickLabelsFormattingFunction();
        undo.add(() -> {
            styler.setYAxisLogarithmic(true);
            styler.setyAxisTickLabelsFormattingFunction(oldFormat);
            for (Map.Entry<String, double[]> s : original.entrySet()) {
                chart.updateXYSeries(s.getKey(), chart.getSeriesMap().get(s.getKey()).getXData(), s.getValue(), null);
            }
        });
        // XChart steps by about hint/plot height of the range, rounded to 1, 2 or 5 times a power of ten
        // (down by at most a factor 1.75): this hint makes the step at least span / (MAX_DECADE_LABELS - 1)
        int oldHint = styler.getYAxisTickMarkSpacingHint();
        int hint = (int) Math.ceil(1.75 * chart.getHeight() / (ChartStyle.MAX_DECADE_LABELS - 1));
        undo.add(() -> styler.setYAxisTickMarkSpacingHint(oldHint));
        styler.setYAxisTickMarkSpacingHint(Math.max(oldHint, hint));
        styler.setYAxisLogarithmic(false);
        styler.setYAxisMin((double) decades[0]);
        styler.setYAxisMax((double) decades[1]);
        styler.setyAxisTickLabelsFormattingFunction(v -> {
            long exponent = Math.round(v);
            return Math.abs(v - exponent) < 1e-9 ? decadeLabel((int) exponent) : "";
        });
    }

    private static void fitLegend(XYChart chart, List<Runnable> undo) {
        XYStyler styler = chart.getStyler();
        if (!styler.isLegendVisible() || styler.getLegendPosition() != Styler.LegendPosition.OutsideS
                || styler.getLegendLayout() != Styler.LegendLayout.Horizontal) {
            return;
        }
        if (legendRowWidth(chart) > chart.getWidth() - 2 * styler.getChartPadding()) {
            undo.add(() -> styler.setLegendLayout(Styler.LegendLayout.Horizontal));
            styler.setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    /** The width of the legend's entries in one row: per entry a line sample, a gap and the name. */
    static double legendRowWidth(XYChart chart) {
        XYStyler styler = chart.getStyler();
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(styler.getLegendFont());
            double width = styler.getLegendPadding();
            for (XYSeries s : chart.getSeriesMap().values()) {
                if (s.isShowInLegend()) {
                    width += styler.getLegendSeriesLineLength() + 3 * styler.getLegendPadding() + metrics.stringWidth(s.getName());
                }
            }
            return width;
        } finally {
            g.dispose();
        }
    }

    private static void roundXTicks(XYChart chart, List<Runnable> undo) {
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        double[] x = first.getXData();
        if (x.length <= DATA_TICKS_UP_TO || !equallySpaced(x)) {
            return;
        }
        double y = Double.NaN;
        for (double v : first.getYData()) {
            if (Double.isFinite(v)) {
                y = v;
                break;
            }
        }
        if (Double.isNaN(y)) {
            return;
        }
        // a point a third of a step after the first x value breaks the equal spacing XChart looks for
        XYSeries hidden = chart.addSeries(HIDDEN, new double[] {x[0] + (x[1] - x[0]) / 3}, new double[] {y});
        hidden.setShowInLegend(false);
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setLineStyle(SeriesLines.NONE);
        undo.add(() -> chart.removeSeries(HIDDEN));
    }

    private static boolean equallySpaced(double[] x) {
        double step = x[1] - x[0];
        if (!(step > 0)) {
            return false;
        }
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - step) > 1e-9 * Math.max(1, Math.abs(step))) {
                return false;
            }
        }
        return true;
    }
}
