package io.github.backprop.chart;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Shape;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The gradient-norm charts")
class GradientNormsChartTest {

    static History history(double[]... normsPerEpoch) {
        List<EpochStats> epochs = new ArrayList<>();
        for (int e = 0; e < normsPerEpoch.length; e++) {
            epochs.add(new EpochStats(e + 1, 1.0, Double.NaN, Double.NaN, Double.NaN, normsPerEpoch[e], 0));
        }
        return new History(epochs, History.StopReason.EPOCHS_COMPLETED);
    }

    @Nested
    @DisplayName("per epoch (from a training history)")
    class PerEpoch {
        @Test
        @DisplayName("use a log axis even when a layer's norm drops to 0, which ends its line and is named in the legend")
        void zeroEndsTheLine() {
            History dying = history(new double[] {1e-9, 1e-4}, new double[] {0, 2e-5}, new double[] {0, 0});
            XYChart chart = Charts.gradientNorms(dying);
            assertTrue(chart.getStyler().isYAxisLogarithmic());
            assertEquals(List.of("layer 1 (0 from epoch 2)", "layer 2 (0 from epoch 3)"), List.copyOf(chart.getSeriesMap().keySet()));
            XYSeries first = chart.getSeriesMap().get("layer 1 (0 from epoch 2)");
            assertArrayEquals(new double[] {1e-9, Double.NaN, Double.NaN}, first.getYData(), 0.0);
            assertEquals(SeriesMarkers.CIRCLE, first.getMarker());
        }

        @Test
        @DisplayName("name a layer plainly while its norm is positive or comes back from 0")
        void zeroInBetween() {
            XYChart chart = Charts.gradientNorms(history(new double[] {0.5}, new double[] {0}, new double[] {0.25}));
            assertEquals(List.of("layer 1"), List.copyOf(chart.getSeriesMap().keySet()));
            assertArrayEquals(new double[] {0.5, Double.NaN, 0.25}, chart.getSeriesMap().get("layer 1").getYData(), 0.0);
        }

        @Test
        @DisplayName("leave out layers without weights (max pooling, flatten), keeping the layer numbers")
        void layersWithoutWeights() {
            XYChart chart = Charts.gradientNorms(history(new double[] {0.1, Double.NaN, Double.NaN, 0.3}));
            assertEquals(List.of("layer 1", "layer 4"), List.copyOf(chart.getSeriesMap().keySet()));
        }

        @Test
        @DisplayName("mark no dots on long histories")
        void noDotsOnLongHistories() {
            double[][] norms = new double[31][];
            java.util.Arrays.fill(norms, new double[] {0.1});
            assertEquals(SeriesMarkers.NONE, Charts.gradientNorms(history(norms)).getSeriesMap().get("layer 1").getMarker());
        }

        @Test
        @DisplayName("refuse a history whose norms are all 0, which a log axis cannot show")
        void allZero() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.gradientNorms(history(new double[] {0, 0})))
                    .getMessage().contains("every norm is 0"));
        }
    }

    @Nested
    @DisplayName("per layer (from traces)")
    class PerLayer {
        final double[][] x = {{0.5, -1.0}, {2.0, 0.25}};
        final double[][] y = {{1, 0}, {0, 1}};

        Trace trace(long seed) {
            Network net = Network.builder(2).dense(3, Activations.tanh()).dense(3, Activations.tanh())
                    .dense(2, Activations.softmax()).seed(seed).build();
            return Backpropagation.trace(net, Losses.crossEntropy(), x, y);
        }

        @Test
        @DisplayName("draw ||delta[l]|| against the layer number l, one line per trace, on a log axis")
        void oneLinePerTrace() {
            Map<String, Trace> traces = new LinkedHashMap<>();
            traces.put("seed 1", trace(1));
            traces.put("seed 2", trace(2));
            XYChart chart = Charts.gradientNorms(traces);
            assertEquals(List.of("seed 1", "seed 2"), List.copyOf(chart.getSeriesMap().keySet()));
            XYSeries second = chart.getSeriesMap().get("seed 2");
            assertArrayEquals(new double[] {1, 2, 3}, second.getXData(), 0.0);
            Trace t = traces.get("seed 2");
            assertArrayEquals(new double[] {t.layer(1).deltaNorm(), t.layer(2).deltaNorm(), t.layer(3).deltaNorm()},
                    second.getYData(), 0.0);
            assertTrue(chart.getStyler().isYAxisLogarithmic());
        }

        @Test
        @DisplayName("leave out layers without weights and keep the others' numbers")
        void convolution() {
            Network cnn = Network.builder(Shape.image(1, 4, 4)).conv2d(2, 3, Padding.SAME, Activations.relu())
                    .maxPool(2).flatten().dense(2, Activations.softmax()).seed(3).build();
            Trace t = Backpropagation.trace(cnn, Losses.crossEntropy(), new double[][] {new double[16]}, new double[][] {{1, 0}});
            XYChart chart = Charts.gradientNorms(Map.of("conv", t));
            assertArrayEquals(new double[] {1, 4}, chart.getSeriesMap().get("conv").getXData(), 0.0);
        }

        @Test
        @DisplayName("refuse an empty map")
        void empty() {
            assertThrows(IllegalArgumentException.class, () -> Charts.gradientNorms(Map.<String, Trace>of()));
        }
    }
}
