package io.github.backprop.table;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.check.GradientCheck;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Tables")
class TablesTest {
    static final Network NET = Network.builder(2)
            .dense(new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35}, Activations.sigmoid())
            .dense(new double[][] {{0.40, 0.45}}, new double[] {0.60}, Activations.sigmoid())
            .build();
    static final double[][] X = {{0.05, 0.10}};
    static final double[][] Y = {{0.01}};
    static final Trace TRACE = Backpropagation.trace(NET, Losses.mse(), X, Y);

    @Nested
    @DisplayName("of a trace")
    class OfATrace {
        @Test
        @DisplayName("list every neuron with layer, neuron, z, a, f'(z), delta and db in the notebooks' notation")
        void neurons() {
            Table t = Tables.neurons(TRACE);
            assertEquals(List.of("layer", "neuron", "z", "a", "f'(z)", "delta", "db"), t.columnNames());
            assertEquals(3, t.rowCount());
            assertEquals(0.3775, t.doubleColumn("z").get(0), 1e-15);
            assertEquals(TRACE.layer(1).a().get(0, 1), t.doubleColumn("a").get(1), 0.0);
            assertEquals(TRACE.layer(2).delta().get(0, 0), t.doubleColumn("delta").get(2), 0.0);
            assertEquals(t.doubleColumn("delta").get(2), t.doubleColumn("db").get(2), 0.0);
            assertEquals(2, t.intColumn("layer").get(2));
        }

        @Test
        @DisplayName("list every weight with layer, from, to, w and dW")
        void weights() {
            Table t = Tables.weights(TRACE);
            assertEquals(List.of("layer", "from", "to", "w", "dW"), t.columnNames());
            assertEquals(6, t.rowCount());
            assertEquals(0.20, t.doubleColumn("w").get(1), 0.0);
            assertEquals(1, t.intColumn("from").get(1));
            assertEquals(0, t.intColumn("to").get(1));
            assertEquals(TRACE.layer(2).dW().get(0, 1), t.doubleColumn("dW").get(5), 0.0);
        }

        @Test
        @DisplayName("add a sample column for a batch and leave f'(z) of softmax missing")
        void batchAndSoftmax() {
            Network soft = Network.builder(2).dense(3, Activations.softmax()).seed(1).build();
            Trace t = Backpropagation.trace(soft, Losses.crossEntropy(), new double[][] {{1, 2}, {3, 4}},
                    new double[][] {{1, 0, 0}, {0, 0, 1}});
            Table table = Tables.neurons(t);
            assertEquals("sample", table.columnNames().get(0));
            assertEquals(6, table.rowCount());
            assertTrue(table.doubleColumn("f'(z)").isMissing(0));
        }
    }

    @Nested
    @DisplayName("of convolution and recurrent layers")
    class OtherLayers {
        final Network cnn = Network.builder(Shape.image(1, 3, 3))
                .conv2d(2, 2, Padding.VALID, Activations.relu())
                .flatten()
                .dense(1, Activations.sigmoid())
                .seed(1)
                .build();
        final double[][] image = {{1, 2, 3, 4, 5, 6, 7, 8, 9}};
        final Network rnn = Network.builder(Shape.sequence(3, 1))
                .recurrent(new double[][] {{0.5}, {-1}}, new double[][] {{0.1, 0.4}, {-0.3, 0.2}}, new double[] {0, 0.1},
                        RecurrentLayer.Output.LAST_STEP)
                .dense(new double[][] {{1, -2}}, new double[] {0.2}, Activations.identity())
                .build();
        final double[][] sequences = {{1, 2, -1}, {0.5, 0, 1}};
        final double[][] targets = {{0.5}, {-0.5}};
        final Trace rnnTrace = Backpropagation.trace(rnn, Losses.mse(), sequences, targets);

        @Test
        @DisplayName("list a convolution position by position, with db missing (one bias per channel, not per position)")
        void convolutionNeurons() {
            Trace t = Backpropagation.trace(cnn, Losses.binaryCrossEntropy(), image, new double[][] {{1}});
            Table table = Tables.neurons(t);
            // conv: 2 channels x 2x2 positions; flatten: 8; dense: 1
            assertEquals(8 + 8 + 1, table.rowCount());
            LayerTrace conv = t.layer(1);
            assertEquals(conv.z().get(0, 5), table.doubleColumn("z").get(5), 0.0);
            assertEquals(conv.a().get(0, 5), table.doubleColumn("a").get(5), 0.0);
            assertEquals(conv.delta().get(0, 5), table.doubleColumn("delta").get(5), 0.0);
            assertTrue(table.doubleColumn("db").isMissing(5));
            assertEquals(t.layer(3).db().get(0, 0), table.doubleColumn("db").get(16), 0.0);
        }

        @Test
        @DisplayName("list a recurrent layer's z and delta for every step, and its a = h_T on the last step only")
        void recurrentNeurons() {
            Table table = Tables.neurons(rnnTrace);
            // per sample: 3 steps x 2 hidden values, then the output neuron
            assertEquals(2 * (6 + 1), table.rowCount());
            assertTrue(table.doubleColumn("a").isMissing(0));
            assertTrue(table.doubleColumn("a").isMissing(3));
            assertEquals(rnnTrace.layer(1).a().get(0, 0), table.doubleColumn("a").get(4), 0.0);
            assertEquals(rnnTrace.layer(1).a().get(0, 1), table.doubleColumn("a").get(5), 0.0);
            assertEquals(rnnTrace.recurrent(1).delta(1).get(1, 1), table.doubleColumn("delta").get(7 + 1), 0.0);
            Table forward = Tables.forwardPass(Backpropagation.forwardPass(rnn, sequences));
            assertEquals(14, forward.rowCount());
            assertTrue(forward.doubleColumn("a").isMissing(2));
            assertEquals(rnnTrace.layer(1).a().get(1, 1), forward.doubleColumn("a").get(7 + 5), 0.0);
        }

        @Test
        @DisplayName("show a recurrent layer step by step: t, unit, z, h, f'(z) and delta")
        void timeSteps() {
            RecurrentTrace steps = rnnTrace.recurrent(1);
            Table table = Tables.timeSteps(steps);
            assertEquals(List.of("sample", "t", "unit", "z", "h", "f'(z)", "delta"), table.columnNames());
            assertEquals(2 * 3 * 2, table.rowCount());
            // row 9: sample 1, step 2, unit 1
            assertEquals(1, table.intColumn("sample").get(9));
            assertEquals(2, table.intColumn("t").get(9));
            assertEquals(1, table.intColumn("unit").get(9));
            assertEquals(steps.z(2).get(1, 1), table.doubleColumn("z").get(9), 0.0);
            double h = Math.tanh(steps.z(2).get(1, 1));
            assertEquals(h, table.doubleColumn("h").get(9), 1e-15);
            assertEquals(1 - h * h, table.doubleColumn("f'(z)").get(9), 1e-15);
            assertEquals(steps.delta(2).get(1, 1), table.doubleColumn("delta").get(9), 0.0);
            Table one = Tables.timeSteps(Backpropagation.trace(rnn, Losses.mse(), new double[][] {sequences[0]},
                    new double[][] {targets[0]}).recurrent(1));
            assertEquals(List.of("t", "unit", "z", "h", "f'(z)", "delta"), one.columnNames());
        }

        @Test
        @DisplayName("give ||delta_t|| per time step")
        void deltaNorms() {
            Table table = Tables.deltaNorms(rnnTrace.recurrent(1));
            assertEquals(List.of("t", "||delta_t||"), table.columnNames());
            assertEquals(3, table.rowCount());
            assertEquals(rnnTrace.recurrent(1).deltaNorm(3), table.doubleColumn("||delta_t||").get(2), 0.0);
        }
    }

    @Test
    @DisplayName("of a matrix show it as a grid, one column per matrix column")
    void grid() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Table t = Tables.grid("m", m);
        assertEquals("m", t.name());
        assertEquals(List.of("i \\ j", "0", "1", "2"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(1, t.intColumn("i \\ j").get(1));
        assertEquals(6, t.doubleColumn("2").get(1), 0.0);
    }

    @Test
    @DisplayName("of a forward pass list z and a per neuron")
    void forwardPass() {
        Table t = Tables.forwardPass(Backpropagation.forwardPass(NET, X));
        assertEquals(List.of("layer", "neuron", "z", "a"), t.columnNames());
        assertEquals(0.7513650695523157, t.doubleColumn("a").get(2), 1e-15);
    }

    @Test
    @DisplayName("of a gradient check give analytic, numeric and relative error per parameter")
    void gradientCheck() {
        Table t = Tables.gradientCheck(GradientCheck.run(NET, Losses.mse(), X, Y));
        assertEquals(List.of("parameter", "layer", "kind", "row", "col", "analytic", "numeric", "relative error"), t.columnNames());
        assertEquals(List.of("W1", "b1", "W2", "b2"), t.stringColumn("parameter").asList());
        assertTrue(t.doubleColumn("relative error").max() < 1e-7);
    }

    @Test
    @DisplayName("of predictions give targets, outputs, classes and each row's loss")
    void predictions() {
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0}, {1}});
        Table t = Tables.predictions(NET, Losses.mse(), xor);
        assertEquals(List.of("row", "y", "a", "label", "predicted", "loss"), t.columnNames());
        double a = NET.predict(new double[] {1, 1})[0];
        assertEquals(0.5 * (a - 1) * (a - 1), t.doubleColumn("loss").get(1), 1e-15);
    }

    @Test
    @DisplayName("of a confusion matrix have true classes as rows and predictions as columns")
    void confusionMatrix() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2}, 3, List.of("a", "b", "c"));
        Table t = Tables.confusionMatrix(cm);
        assertEquals(List.of("true \\ predicted", "a", "b", "c"), t.columnNames());
        assertEquals(1, t.intColumn("b").get(0));
        assertEquals(1, t.intColumn("c").get(2));
    }

    @Test
    @DisplayName("of a history keep only the columns that apply")
    void history() {
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(3).batchSize(4).build()
                .fit(NET.copy(), xor);
        Table t = Tables.history(h);
        assertEquals(List.of("epoch", "training loss", "training accuracy"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(h.finalLoss(), t.doubleColumn("training loss").get(2), 0.0);
    }

    @Nested
    @DisplayName("of evaluations")
    class OfEvaluations {
        @Test
        @DisplayName("a class report has precision, recall, F1 and support per class, the macro average and the accuracy")
        void classReport() {
            // true 0 0 1 1 2, predicted 0 1 1 1 0
            ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0}, 3, List.of("a", "b", "c"));
            Table t = Tables.classReport(cm);
            assertEquals(List.of("class", "precision", "recall", "F1", "support"), t.columnNames());
            assertEquals(List.of("a", "b", "c", "macro average", "accuracy"), t.stringColumn("class").asList());
            assertEquals(cm.precision(1), t.doubleColumn("precision").get(1), 0.0);
            assertEquals(cm.recall(0), t.doubleColumn("recall").get(0), 0.0);
            assertEquals(cm.f1(0), t.doubleColumn("F1").get(0), 0.0);
            assertEquals(2, t.intColumn("support").get(0));
            assertEquals((cm.precision(0) + cm.precision(1) + cm.precision(2)) / 3, t.doubleColumn("precision").get(3), 1e-15);
            assertEquals(cm.macroF1(), t.doubleColumn("F1").get(3), 0.0);
            assertEquals(cm.accuracy(), t.doubleColumn("F1").get(4), 0.0);
            assertTrue(t.doubleColumn("precision").isMissing(4));
            assertEquals(5, t.intColumn("support").get(4));
        }

        @Test
        @DisplayName("a tag table has accuracy, precision, recall and support per tag, and the exact match in its title")
        void tagScores() {
            io.github.backprop.eval.TagScores scores = io.github.backprop.eval.TagScores.of(
                    new double[][] {{0.9, 0.2}, {0.6, 0.7}}, new double[][] {{1, 0}, {0, 1}}, List.of("dog", "beach"));
            Table t = Tables.tagScores(scores);
            assertEquals(List.of("tag", "accuracy", "precision", "recall", "support"), t.columnNames());
            assertEquals(List.of("dog", "beach"), t.stringColumn("tag").asList());
            assertEquals(0.5, t.doubleColumn("accuracy").get(0), 0.0);
            assertEquals(1.0, t.doubleColumn("recall").get(1), 0.0);
            assertTrue(t.name().contains("exact match"), t.name());
            assertTrue(t.name().contains(String.valueOf(scores.exactMatch())), t.name());
        }
    }
}
