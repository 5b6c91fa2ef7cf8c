package io.github.backprop.chart;

import io.github.backprop.activation.Activations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("An activation chart")
class ActivationChartTest {

    /**
     * Every value XChart asks to label on the z axis while it lays the chart out: the ticks it
     * tries (and the axis ends, which it formats to size the axis).
     */
    private static List<Double> xTicks(XYChart chart) {
        return asked(chart, true);
    }

    /** The same for the y axis, without the largest value, which XChart formats to size the axis. */
    private static List<Double> yTicks(XYChart chart) {
        List<Double> asked = asked(chart, false);
        double max = chart.getSeriesMap().values().stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.getYData())).max().orElseThrow();
        asked.removeIf(v -> v == max);
        return asked;
    }

    private static List<Double> asked(XYChart chart, boolean xAxis) {
        List<Double> asked = new ArrayList<>();
        java.util.function.Function<Double, String> record = v -> {
            asked.add(v);
            return String.valueOf(v);
        };
        if (xAxis) {
            chart.setCustomXAxisTickLabelsFormatter(record);
        } else {
            chart.setCustomYAxisTickLabelsFormatter(record);
        }
        Charts.toImage(chart);
        return asked;
    }

    private static boolean round(double v, double step) {
        return Math.abs(v / step - Math.rint(v / step)) < 1e-9;
    }

    @Test
    @DisplayName("puts its z ticks at round values, 0 among them, for the sigmoid on [-6, 6]")
    void roundTicksWithZero() {
        List<Double> ticks = xTicks(Charts.activation(Activations.sigmoid(), -6, 6));
        assertFalse(ticks.isEmpty());
        assertTrue(ticks.stream().allMatch(v -> round(v, 0.5)), () -> "ticks not at round values: " + ticks);
        assertTrue(ticks.contains(0.0), () -> "no tick at z = 0: " + ticks);
    }

    @Test
    @DisplayName("puts its y ticks at round values for ReLU, whose values are equally spaced")
    void reluYTicks() {
        List<Double> ticks = yTicks(Charts.activation(Activations.relu(), -4, 4));
        assertTrue(ticks.stream().allMatch(v -> round(v, 0.5)), () -> "y ticks not at round values: " + ticks);
        assertTrue(ticks.contains(0.0), () -> "no tick at 0: " + ticks);
    }

    @Test
    @DisplayName("spans exactly the z range asked for, and its y axis includes 0 even when f > 0")
    void ranges() {
        XYChart chart = Charts.activation(Activations.sigmoid(), -6, 6);
        assertEquals(-6.0, chart.getStyler().getXAxisMin());
        assertEquals(6.0, chart.getStyler().getXAxisMax());
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        XYChart shifted = Charts.activation(Activations.relu(), 1, 5);
        assertEquals(0.0, shifted.getStyler().getYAxisMin());
        assertTrue(yTicks(shifted).contains(0.0));
    }
}
