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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *   <li><b>A legend stays inside the picture.</b> Its entries stand in one row only below (or
 *       above) the plot and only if the row fits the chart's width; otherwise, and always beside
 *       the plot (e.g. a legend placed to the right), they are stacked in a column.</li>
 *   <li><b>Many equally spaced values get round ticks.</b> XChart 3.8 puts an axis's ticks on the
 *       data when the values on it are equally spaced: epochs 1, 99, 197, ... for 1,362 epochs on
 *       the x axis; 0, 0.16, 0.32, ... for a ReLU curve on the y axis. For more than
 *       {@value #DATA_TICKS_UP_TO} such values an invisible point between two of them (not in the
 *       legend) lets XChart choose round ticks (0, 200, 400, ...; 0, 0.5, 1, ...).</li>
 * </ul>
 *
 * Drawing is not thread-safe for one chart (XChart's is not either): do not draw the same chart
 * from two threads at once.
 */
final class ReadableAxes {
    /** Up to this many equally spaced values on an axis keep a tick on every value (XChart's choice). */
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
        if (!(chart instanceof XYChart xy)) {
            return draw.get();
        }
        Runnable undo = prepare(xy);
        try {
            return draw.get();
        } finally {
            undo.run();
        }
    }

    /**
     * Puts the rules in force on a chart, for one drawing.
     *
     * @param chart the chart, changed until the returned action runs
     * @return the action that sets back everything this changed
     */
    static Runnable prepare(XYChart chart) {
        List<Runnable> undo = new ArrayList<>();
        if (!chart.getSeriesMap().isEmpty()) {
            if (chart.getStyler().isYAxisLogarithmic()) {
                readableLogY(chart, undo);
            }
            roundTicks(chart, undo);
            fitLegend(chart, undo);
        }
        return () -> {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
        };
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
        Map<String, double[][]> original = new LinkedHashMap<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] y = s.getYData();
            double[] logY = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                logY[i] = y[i] > 0 && Double.isFinite(y[i]) ? Math.log10(y[i]) : Double.NaN;
            }
            // y and the error bars, if any (not drawn on the log10 scale)
            original.put(s.getName(), new double[][] {y, s.getExtraValues()});
            chart.updateXYSeries(s.getName(), s.getXData(), logY, null);
        }
        Function<Double, String> oldFormat = styler.getyAxisTickLabelsFormattingFunction();
        undo.add(() -> {
            styler.setYAxisLogarithmic(true);
            styler.setyAxisTickLabelsFormattingFunction(oldFormat);
            for (Map.Entry<String, double[][]> s : original.entrySet()) {
                chart.updateXYSeries(s.getKey(), chart.getSeriesMap().get(s.getKey()).getXData(), s.getValue()[0], s.getValue()[1]);
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
        if (!styler.isLegendVisible() || styler.getLegendLayout() != Styler.LegendLayout.Horizontal) {
            return;
        }
        Styler.LegendPosition position = styler.getLegendPosition();
        boolean aboveOrBelow = position == Styler.LegendPosition.OutsideS || position == Styler.LegendPosition.InsideN
                || position == Styler.LegendPosition.InsideS;
        // a row fits only above or below the plot, and only if it is not wider than the chart
        if (!aboveOrBelow || legendRowWidth(chart) > chart.getWidth() - 2 * styler.getChartPadding()) {
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

    private static void roundTicks(XYChart chart, List<Runnable> undo) {
        List<Double> xs = axisValues(chart, true);
        List<Double> ys = axisValues(chart, false);
        boolean breakX = xs.size() > DATA_TICKS_UP_TO && equallySpaced(xs);
        // a log axis XChart draws itself places its own ticks; a linear one (or one drawn as log10) may use the data
        boolean breakY = !chart.getStyler().isYAxisLogarithmic() && ys.size() > DATA_TICKS_UP_TO && equallySpaced(ys);
        if (!breakX && !breakY) {
            return;
        }
        // one point a third of a step after the first value breaks the progression XChart looks for;
        // on the other axis it repeats an existing value, which changes nothing there
        double x = breakX ? xs.get(0) + (xs.get(1) - xs.get(0)) / 3 : xs.get(0);
        double y = breakY ? ys.get(0) + (ys.get(1) - ys.get(0)) / 3 : firstFinite(ys);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        XYSeries hidden = chart.addSeries(HIDDEN, new double[] {x}, new double[] {y});
        hidden.setShowInLegend(false);
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setLineStyle(SeriesLines.NONE);
        undo.add(() -> chart.removeSeries(HIDDEN));
    }

    /** An axis's values as XChart collects them: every series' values in order, each value once. */
    static List<Double> axisValues(XYChart chart, boolean x) {
        Set<Double> values = new LinkedHashSet<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : x ? s.getXData() : s.getYData()) {
                values.add(v);
            }
        }
        return new ArrayList<>(values);
    }

    /**
     * True if XChart 3.8 would put the axis's ticks on its data: every step between consecutive
     * values equals the first one, to within 1e-4 (XChart's own test).
     */
    static boolean equallySpaced(List<Double> values) {
        if (values.size() < 2) {
            return false;
        }
        double first = values.get(1) - values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (!(Math.abs(values.get(i) - values.get(i - 1) - first) < 1e-4)) {
                return false;
            }
        }
        return true;
    }

    private static double firstFinite(List<Double> values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
