package io.github.backprop.chart;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * The one place where the look of every chart is decided: size, fonts, a colour-blind-safe
 * palette (Okabe and Ito), and the house rules that keep a chart readable at notebook width:
 *
 * <ul>
 *   <li><b>Legends sit outside the data</b>, in one row below the plot ({@link #apply}), so no
 *       legend hides the end of a curve; a row too wide for the chart, or a legend placed beside
 *       the plot, is stacked in a column.</li>
 *   <li><b>Log axes show readable decades</b>: a logarithmic y axis runs from one power of ten to
 *       another and labels only decades (0.001, 0.01, 0.1, 1, ...); when the data span more than
 *       {@value #MAX_DECADE_LABELS} decades it labels every 2nd, 5th, 10th, ... decade instead
 *       (1E-30, 1E-20, 1E-10, 1, 1E10), never one label per decade on top of each other.</li>
 *   <li><b>Round ticks</b>: an axis with many equally spaced values (epochs on x, a ReLU on y) gets
 *       ticks at round numbers (0, 200, 400, ...), not on every n-th data point (1, 99, 197, ...).</li>
 * </ul>
 *
 * The rules other than the legend's place are applied whenever {@link Charts} draws a chart
 * ({@code toImage}, {@code toPng}, {@code save}, and so inline in a notebook), to any XY chart
 * however it was made, and undone afterwards: the chart object keeps its own settings.
 */
public final class ChartStyle {
    /** Default chart width in pixels. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;

    /**
     * Okabe-Ito colours: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow,
     * black (an unmodifiable list).
     */
    public static final List<Color> PALETTE = List.of(
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(213, 94, 0),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(240, 228, 66), new Color(0, 0, 0));

    /** Positive values (weights, probabilities of class 1). */
    public static final Color POSITIVE = new Color(0, 114, 178);
    /** Negative values. */
    public static final Color NEGATIVE = new Color(213, 94, 0);

    /**
     * The most decades a logarithmic axis labels one by one; a wider axis labels every k-th decade.
     */
    public static final int MAX_DECADE_LABELS = 10;

    /** Where legends go: below the plot area, outside the data. */
    public static final Styler.LegendPosition LEGEND_POSITION = Styler.LegendPosition.OutsideS;

    /** Font for titles. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    /** Font for axes, legends and labels. */
    public static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    /**
     * Applies the house style (white background, these fonts, the palette, the legend in one row
     * below the plot, x tick labels without thousands separators) to an XChart styler, so that
     * charts made elsewhere (your own, or the benchmark's) look like the library's.
     *
     * @param styler the chart's styler, modified
     */
    public static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setLegendFont(TEXT_FONT);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(LEGEND_POSITION);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setSeriesColors(PALETTE.toArray(new Color[0]));
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(TEXT_FONT);
            axes.setAxisTickLabelsFont(TEXT_FONT);
            axes.setPlotGridLinesColor(new Color(230, 230, 230));
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickMarksColor(Color.GRAY);
            // epochs 1000 and 1200, not "1,000" and "1,200" running into each other
            axes.setXAxisDecimalPattern("0.###");
        }
    }
}
