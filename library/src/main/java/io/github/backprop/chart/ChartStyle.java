package io.github.backprop.chart;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * The one place where the look of every chart is decided: size, fonts and a colour-blind-safe
 * palette (Okabe and Ito).
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

    /** Font for titles. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    /** Font for axes, legends and labels. */
    public static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    /**
     * Applies the house style (white background, these fonts, the palette) to an XChart styler, so
     * that charts made elsewhere (your own, or the benchmark's) look like the library's.
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
        styler.setSeriesColors(PALETTE.toArray(new Color[0]));
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(TEXT_FONT);
            axes.setAxisTickLabelsFont(TEXT_FONT);
            axes.setPlotGridLinesColor(new Color(230, 230, 230));
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickMarksColor(Color.GRAY);
        }
    }
}
