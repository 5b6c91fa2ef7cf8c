package org.knowm.xchart.internal.chartpart;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only access to the tick labels XChart computed the last time it drew a chart (XChart keeps
 * them package-private), so that tests can assert what a reader sees on an axis.
 */
public final class DrawnTicks {
    private DrawnTicks() {
    }

    /** The non-blank y tick labels of the chart's last drawing, bottom to top. */
    public static List<String> yLabels(Chart<?, ?> chart) {
        return labels(chart.getYAxis(), chart.getYAxis().getBounds().getHeight());
    }

    /** The non-blank x tick labels of the chart's last drawing, left to right. */
    public static List<String> xLabels(Chart<?, ?> chart) {
        return labels(chart.getXAxis(), chart.getXAxis().getBounds().getWidth());
    }

    /** The labels XChart draws: those whose tick lies on the axis (it computes some beyond its ends). */
    private static List<String> labels(Axis<?, ?> axis, double length) {
        List<String> labels = axis.getAxisTickCalculator().getTickLabels();
        List<Double> at = axis.getAxisTickCalculator().getTickLocations();
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double location = at.get(i);
            if (label != null && !label.isBlank() && location >= 0 && location <= length) {
                drawn.add(label);
            }
        }
        return drawn;
    }
}
