package io.github.backprop.chart;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Shape;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Charts")
class ChartsTest {
    static final Dataset XOR = Datasets.xor();
    static final Network NET = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid()).seed(3).build();
    static final History HISTORY = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1.0)).epochs(30).batchSize(4)
            .validation(XOR).recordGradientNorms().build().fit(NET.copy(), XOR);

    static final RecurrentTrace RNN_TRACE = Backpropagation.trace(
            Network.builder(Shape.sequence(4, 1)).recurrent(3).dense(1, Activations.sigmoid()).seed(2).build(),
            Losses.binaryCrossEntropy(), new double[][] {{1, -1, 0.5, 0.2}}, new double[][] {{1}}).recurrent(1);

    static Stream<Arguments> everyChart() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("a", HISTORY);
        runs.put("b", HISTORY);
        Dataset digits = Datasets.digits();
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2, List.of());
        return Stream.of(
                Arguments.of("activation", (Supplier<Object>) () -> Charts.activation(Activations.sigmoid(), -6, 6), 640, 400),
                Arguments.of("loss", (Supplier<Object>) () -> Charts.loss(HISTORY), 640, 400),
                Arguments.of("accuracy", (Supplier<Object>) () -> Charts.accuracy(HISTORY), 640, 400),
                Arguments.of("loss curves", (Supplier<Object>) () -> Charts.lossCurves(runs), 640, 400),
                Arguments.of("per epoch", (Supplier<Object>) () -> Charts.perEpoch("measured", "value",
                        Map.of("loss", HISTORY.trainingLosses())), 640, 400),
                Arguments.of("gradient norms", (Supplier<Object>) () -> Charts.gradientNorms(HISTORY), 640, 400),
                Arguments.of("decision boundary", (Supplier<Object>) () -> Charts.decisionBoundary(NET, XOR), 650, 530),
                Arguments.of("confusion matrix", (Supplier<Object>) () -> Charts.confusionMatrix(cm), 252, 212),
                Arguments.of("digit grid", (Supplier<Object>) () -> Charts.digitGrid(digits, 0, 20), 546, 150),
                Arguments.of("network diagram", (Supplier<Object>) () -> NetworkDiagram.of(NET).picture(), 520, 300),
                Arguments.of("heat maps", (Supplier<Object>) () -> Charts.heatMaps("two kernels", List.of("K0", "K1"),
                        List.of(Matrix.of(new double[][] {{1, -1, 0}, {2, 0, -2}, {1, -1, 0}}),
                                Matrix.of(new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}))), 480, 218),
                Arguments.of("delta norms over time", (Supplier<Object>) () -> Charts.deltaNorms(RNN_TRACE), 640, 400),
                Arguments.of("network diagram with a trace", (Supplier<Object>) () -> NetworkDiagram.of(NetworkDiagramTest.NET)
                        .withTrace(NetworkDiagramTest.TRACE).picture(), 760, 390));
    }

    @ParameterizedTest(name = "{0} renders headless to a PNG of {2}x{3}")
    @MethodSource("everyChart")
    @DisplayName("every chart renders headless to a non-empty PNG of the expected size")
    void rendersToPng(String name, Supplier<Object> make, int width, int height) throws IOException {
        Object chart = make.get();
        byte[] png = chart instanceof Chart<?, ?> c ? Charts.toPng(c) : ((Picture) chart).toPng();
        assertTrue(png.length > 1000, name + " PNG is suspiciously small: " + png.length + " bytes");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, image.getWidth(), name);
        assertEquals(height, image.getHeight(), name);
    }

    @Test
    @DisplayName("loss curves switch to a log scale when the losses span more than 100x")
    void logScale() {
        History flat = HISTORY;
        assertEquals(flat.trainingLosses()[0] / flat.finalLoss() > Charts.LOG_SCALE_RATIO,
                Charts.loss(flat).getStyler().isYAxisLogarithmic());
        assertTrue(Charts.gradientNorms(HISTORY).getStyler().isYAxisLogarithmic());
    }

    @Test
    @DisplayName("per-epoch curves put value e at epoch e + 1, in the order given, on a log scale when they span more than 100x")
    void perEpoch() {
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("loss", new double[] {0.5, 0.4, 0.3});
        curves.put("gradient", new double[] {1e-4, 1e-3, 1e-2});
        XYChart chart = Charts.perEpoch("t", "y", curves);
        assertEquals(List.of("loss", "gradient"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("loss").getXData(), 0.0);
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2}, chart.getSeriesMap().get("gradient").getYData(), 0.0);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertTrue(!Charts.perEpoch("t", "y", Map.of("loss", new double[] {0.5, 0.4})).getStyler().isYAxisLogarithmic());
        assertThrows(IllegalArgumentException.class, () -> Charts.perEpoch("t", "y", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Charts.perEpoch("t", "y", Map.of("empty", new double[0])));
    }

    @Test
    @DisplayName("delta norms over time show ||delta_t|| for t = 1..T per trace, on a log scale")
    void deltaNorms() {
        Map<String, RecurrentTrace> runs = new LinkedHashMap<>();
        runs.put("before", RNN_TRACE);
        runs.put("again", RNN_TRACE);
        XYChart chart = Charts.deltaNorms(runs);
        assertEquals(List.of("before", "again"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries before = chart.getSeriesMap().get("before");
        assertArrayEquals(new double[] {1, 2, 3, 4}, before.getXData(), 0.0);
        assertArrayEquals(RNN_TRACE.deltaNorms(), before.getYData(), 0.0);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Nested
    @DisplayName("refuse bad input with a clear message")
    class BadInput {
        @Test
        @DisplayName("heat maps without matrices, with mismatched names, empty or non-finite matrices")
        void heatMaps() {
            Matrix one = Matrix.of(new double[][] {{1}});
            assertThrows(IllegalArgumentException.class, () -> Charts.heatMaps("t", List.of(), List.of()));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> Charts.heatMaps("t", List.of("a", "b"), List.of(one))).getMessage()
                    .contains("2 names for 1 matrices"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> Charts.heatMaps("t", List.of("a"), List.of(Matrix.of(new double[][] {{1, Double.NaN}}))))
                    .getMessage().contains("matrix 0 (a) has a non-finite value NaN at row 0, column 1"));
            assertThrows(IllegalArgumentException.class, () -> Charts.deltaNorms(Map.of()));
        }

        @Test
        @DisplayName("softmax has no single derivative curve")
        void softmax() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.activation(Activations.softmax(), -1, 1))
                    .getMessage().contains("not element-wise"));
        }

        @Test
        @DisplayName("an empty range, an empty history, a history without norms")
        void emptyThings() {
            assertThrows(IllegalArgumentException.class, () -> Charts.activation(Activations.tanh(), 1, 1));
            History empty = new History(List.of(), History.StopReason.EPOCHS_COMPLETED);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.loss(empty)).getMessage().contains("no epochs"));
            History noNorms = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1.0)).epochs(2).build().fit(NET.copy(), XOR);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.gradientNorms(noNorms)).getMessage()
                    .contains("recordGradientNorms"));
            assertThrows(IllegalArgumentException.class, () -> Charts.lossCurves(Map.of()));
        }

        @Test
        @DisplayName("decision boundaries need 2-D inputs and digit grids 64 pixels")
        void shapes() {
            Network three = Network.builder(3).dense(1, Activations.sigmoid()).seed(1).build();
            Dataset threeD = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}});
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.decisionBoundary(three, threeD))
                    .getMessage().contains("2-D"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Charts.digitGrid(XOR, 0, 2))
                    .getMessage().contains("64 features"));
            assertThrows(IllegalArgumentException.class, () -> Charts.digitGrid(Datasets.digits(), new int[3]));
        }

        @Test
        @DisplayName("network diagrams are for small networks")
        void bigNetwork() {
            Network big = Network.builder(64).dense(2, Activations.sigmoid()).seed(1).build();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(big)).getMessage().contains("at most 12"));
        }
    }
}
