package io.github.backprop.chart;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.DrawnTicks;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The chart house style")
class ChartStyleTest {

    /** A styled chart with one curve from {@code from} to {@code to}, geometric, over {@code n} epochs. */
    static XYChart curve(double from, double to, int n, boolean log) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / Math.max(1, n - 1));
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title("t").build();
        ChartStyle.apply(chart.getStyler());
        chart.addSeries("loss", x, y);
        chart.getStyler().setYAxisLogarithmic(log);
        return chart;
    }

    static List<String> drawnY(XYChart chart) {
        Charts.toPng(chart);
        return DrawnTicks.yLabels(chart);
    }

    @Nested
    @DisplayName("log axes show readable decades")
    class LogAxes {
        @Test
        @DisplayName("a log axis over 53 decades gets at most 10 labels, each a power of ten")
        void manyDecades() {
            List<String> labels = drawnY(curve(1e-35, 1e18, 100, true));
            assertTrue(labels.size() >= 3 && labels.size() <= ChartStyle.MAX_DECADE_LABELS, labels::toString);
            for (String label : labels) {
                assertTrue(label.matches("1E-?\\d+|1|10|100|1000|0\\.0*1"), () -> "not a power of ten: " + label + " in " + labels);
            }
            assertEquals(labels.size(), labels.stream().distinct().count(), labels::toString);
        }

        @Test
        @DisplayName("... also on a tall chart, where there is room for more ticks")
        void manyDecadesTall() {
            XYChart chart = curve(1e-35, 1e18, 100, true);
            XYChart tall = new XYChartBuilder().width(500).height(1200).title("tall").build();
            ChartStyle.apply(tall.getStyler());
            tall.addSeries("loss", chart.getSeriesMap().get("loss").getXData(), chart.getSeriesMap().get("loss").getYData());
            tall.getStyler().setYAxisLogarithmic(true);
            List<String> labels = drawnY(tall);
            assertTrue(labels.size() >= 3 && labels.size() <= ChartStyle.MAX_DECADE_LABELS, labels::toString);
        }

        @Test
        @DisplayName("a log axis over 41 decades (more than 10) labels every k-th decade, not each one")
        void fortyDecades() {
            List<String> labels = drawnY(curve(1e-30, 1e11, 100, true));
            assertTrue(labels.size() <= ChartStyle.MAX_DECADE_LABELS, labels::toString);
            assertTrue(labels.contains("1E-20") || labels.contains("1E-10"), labels::toString);
        }

        @Test
        @DisplayName("a log axis over a few decades runs from decade to decade and labels each")
        void fewDecades() {
            assertEquals(List.of("0.001", "0.01", "0.1", "1"), drawnY(curve(0.004, 0.7, 100, true)));
            assertEquals(List.of("1E-6", "1E-5", "1E-4", "0.001", "0.01", "0.1", "1"), drawnY(curve(1e-6, 0.3, 50, true)));
        }

        @Test
        @DisplayName("a log axis inside one decade still shows the two decades around it")
        void withinOneDecade() {
            assertEquals(List.of("0.1", "1"), drawnY(curve(0.3, 0.9, 30, true)));
        }

        @Test
        @DisplayName("drawing leaves the chart as it was: log scale, data, series, axis range")
        void chartUnchanged() {
            for (XYChart chart : List.of(curve(1e-35, 1e18, 100, true), curve(0.004, 0.7, 100, true))) {
                double[] y = chart.getSeriesMap().get("loss").getYData();
                Charts.toPng(chart);
                Charts.toImage(chart);
                assertTrue(chart.getStyler().isYAxisLogarithmic());
                assertArrayEquals(y, chart.getSeriesMap().get("loss").getYData(), 0.0);
                assertEquals(List.of("loss"), List.copyOf(chart.getSeriesMap().keySet()));
                assertNull(chart.getStyler().getYAxisMin());
                assertNull(chart.getStyler().getYAxisMax());
            }
            XYChart withErrorBars = curve(1e-35, 1e18, 3, true);
            withErrorBars.updateXYSeries("loss", new double[] {1, 2, 3}, new double[] {1e-30, 1, 1e15}, new double[] {1e-31, 0.1, 1e14});
            Charts.toPng(withErrorBars);
            assertArrayEquals(new double[] {1e-31, 0.1, 1e14}, withErrorBars.getSeriesMap().get("loss").getExtraValues(), 0.0,
                    "error bars kept");
        }

        @Test
        @DisplayName("a range set by hand decides the decades")
        void rangeByHand() {
            XYChart chart = curve(1e-35, 1e18, 100, true);
            chart.getStyler().setYAxisMin(1e-6);
            chart.getStyler().setYAxisMax(1e4);
            assertEquals(List.of("1E-6", "1E-5", "1E-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000", "1E4"), drawnY(chart));
            assertEquals(1e4, chart.getStyler().getYAxisMax());
        }

        @Test
        @DisplayName("decades are labelled as XChart labels its own: 0.001 to 1000 written out, else 1E-5")
        void labels() {
            assertEquals("1E-5", ReadableAxes.decadeLabel(-5));
            assertEquals("0.001", ReadableAxes.decadeLabel(-3));
            assertEquals("1", ReadableAxes.decadeLabel(0));
            assertEquals("1000", ReadableAxes.decadeLabel(3));
            assertEquals("1E12", ReadableAxes.decadeLabel(12));
            assertArrayEquals(new int[] {-3, 0}, ReadableAxes.decades(0.004, 0.7));
            assertArrayEquals(new int[] {-3, -2}, ReadableAxes.decades(0.001, 0.001));
            assertNull(ReadableAxes.decades(0, 1));
        }
    }

    @Nested
    @DisplayName("linear axes")
    class XAxes {
        @Test
        @DisplayName("1,362 epochs get round ticks without thousands separators")
        void roundTicks() {
            XYChart chart = curve(0.13, 0.01, 1362, false);
            Charts.toPng(chart);
            List<String> labels = DrawnTicks.xLabels(chart);
            assertTrue(labels.size() >= 3 && labels.size() <= 12, labels::toString);
            for (String label : labels) {
                assertTrue(label.matches("\\d+") && Integer.parseInt(label) % 100 == 0, () -> "not round: " + label + " in " + labels);
            }
            assertEquals(List.of("loss"), List.copyOf(chart.getSeriesMap().keySet()), "the helper point is gone after drawing");
        }

        @Test
        @DisplayName("equally spaced y values (a ReLU from -4 to 4) get a few round ticks, not one per value")
        void roundYTicks() {
            double[] z = new double[401];
            double[] a = new double[401];
            double[] slope = new double[401];
            for (int i = 0; i < z.length; i++) {
                z[i] = -4 + 8.0 * i / 400;
                a[i] = Math.max(0, z[i]);
                slope[i] = z[i] > 0 ? 1 : 0;
            }
            XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title("relu").build();
            ChartStyle.apply(chart.getStyler());
            chart.addSeries("a", z, a);
            chart.addSeries("slope", z, slope);
            assertTrue(ReadableAxes.equallySpaced(ReadableAxes.axisValues(chart, false)), "XChart would tick every value");
            List<String> labels = drawnY(chart);
            assertTrue(labels.size() >= 3 && labels.size() <= 12, labels::toString);
            for (String label : labels) {
                assertTrue(Double.parseDouble(label) * 2 == Math.rint(Double.parseDouble(label) * 2), () -> "not round: " + labels);
            }
            assertEquals(List.of("-4", "-2", "0", "2", "4"), DrawnTicks.xLabels(chart).stream()
                    .filter(l -> Math.abs(Double.parseDouble(l)) % 2 == 0).toList());
        }

        @Test
        @DisplayName("a geometric series on a log axis of more than 10 decades still gets decade labels")
        void geometricOnAWideLogAxis() {
            XYChart chart = curve(1e-30, 1, 31, true);
            List<String> labels = drawnY(chart);
            assertTrue(labels.size() >= 3 && labels.size() <= ChartStyle.MAX_DECADE_LABELS, labels::toString);
            assertTrue(labels.contains("1E-20"), labels::toString);
        }

        @Test
        @DisplayName("up to 20 epochs keep a tick on each epoch")
        void fewEpochs() {
            XYChart chart = curve(1, 0.5, 15, false);
            Charts.toPng(chart);
            assertEquals("1", DrawnTicks.xLabels(chart).get(0));
            assertEquals("15", DrawnTicks.xLabels(chart).get(DrawnTicks.xLabels(chart).size() - 1));
        }
    }

    @Nested
    @DisplayName("legends")
    class Legends {
        XYChart withSeries(String... names) {
            XYChart chart = curve(1, 0.5, 30, false);
            for (String name : names) {
                chart.addSeries(name, chart.getSeriesMap().get("loss").getXData(), chart.getSeriesMap().get("loss").getYData());
            }
            return chart;
        }

        /** True if some pixel of column x is not white: something is drawn at the picture's edge. */
        boolean drawnAtColumn(java.awt.image.BufferedImage image, int x) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return true;
                }
            }
            return false;
        }

        @Test
        @DisplayName("a legend too wide for one row below the plot is stacked: nothing is cut at the picture's edges")
        void longNamesStack() {
            XYChart chart = withSeries("SGD, eta = 2 (the run above)", "momentum, eta = 2, mu = 0.9", "Adam, eta = 0.01");
            assertTrue(ReadableAxes.legendRowWidth(chart) > ChartStyle.WIDTH, "the names are too long for one row");
            java.awt.image.BufferedImage image = Charts.toImage(chart);
            assertTrue(!drawnAtColumn(image, 0) && !drawnAtColumn(image, image.getWidth() - 1), "the legend runs off the picture");
            assertEquals(Styler.LegendLayout.Horizontal, chart.getStyler().getLegendLayout(), "restored after drawing");
        }

        @Test
        @DisplayName("a legend placed beside the plot (as the gradient-norm chart places it) is stacked while drawn")
        void besideThePlot() {
            XYChart chart = withSeries("layer 1", "layer 2", "layer 3");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            Runnable undo = ReadableAxes.prepare(chart);
            assertEquals(Styler.LegendLayout.Vertical, chart.getStyler().getLegendLayout());
            undo.run();
            assertEquals(Styler.LegendLayout.Horizontal, chart.getStyler().getLegendLayout());
            XYChart norms = Charts.gradientNorms(ChartsTest.HISTORY);
            Runnable undoNorms = ReadableAxes.prepare(norms);
            assertEquals(Styler.LegendLayout.Vertical, norms.getStyler().getLegendLayout());
            undoNorms.run();
        }

        @Test
        @DisplayName("short names stay in one row")
        void shortNamesInARow() {
            XYChart chart = withSeries("training", "validation");
            assertTrue(ReadableAxes.legendRowWidth(chart) < ChartStyle.WIDTH / 2.0);
            Runnable undo = ReadableAxes.prepare(chart);
            assertEquals(Styler.LegendLayout.Horizontal, chart.getStyler().getLegendLayout());
            undo.run();
            java.awt.image.BufferedImage image = Charts.toImage(chart);
            assertTrue(!drawnAtColumn(image, 0) && !drawnAtColumn(image, image.getWidth() - 1));
        }
    }

    static Stream<Arguments> everyXYChart() {
        return ChartsTest.everyChart().filter(a -> ((Supplier<?>) a.get()[1]).get() instanceof XYChart)
                .map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyXYChart")
    @DisplayName("every chart the library makes puts its legend outside the plot area")
    void legendOutside(String name, Supplier<Object> make) {
        Styler.LegendPosition position = ((XYChart) make.get()).getStyler().getLegendPosition();
        assertTrue(position == Styler.LegendPosition.OutsideS || position == Styler.LegendPosition.OutsideE,
                () -> name + ": legend at " + position);
    }

    @Test
    @DisplayName("has a palette of the eight Okabe-Ito colours that nobody can change")
    void paletteIsImmutable() {
        assertEquals(8, ChartStyle.PALETTE.size());
        assertEquals(new Color(0, 114, 178), ChartStyle.PALETTE.get(0));
        assertThrows(UnsupportedOperationException.class, () -> ChartStyle.PALETTE.set(0, Color.RED));
        assertEquals(new Color(0, 114, 178), ChartStyle.PALETTE.get(0));
    }
}
