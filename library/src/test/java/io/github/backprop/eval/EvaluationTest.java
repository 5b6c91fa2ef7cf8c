package io.github.backprop.eval;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.data.Dataset;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Evaluation")
class EvaluationTest {

    /** Output = identity(x): the predicted class is the argmax of the features themselves. */
    static Network passThrough(int n) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1;
        }
        return Network.builder(n).dense(w, new double[n], Activations.identity()).build();
    }

    @Nested
    @DisplayName("the predicted class")
    class PredictedClass {

        @Test
        @DisplayName("is the index of the largest output")
        void argmax() {
            assertEquals(2, Evaluation.predictedClass(new double[] {0.1, 0.3, 0.6}));
        }

        @Test
        @DisplayName("is the first of the largest outputs on a tie")
        void tie() {
            assertEquals(1, Evaluation.predictedClass(new double[] {0.1, 0.45, 0.45}));
            assertEquals(0, Evaluation.predictedClass(new double[] {0.5, 0.5}));
        }

        @Test
        @DisplayName("of a single output is 1 from 0.5 up, else 0")
        void singleOutput() {
            assertEquals(1, Evaluation.predictedClass(new double[] {0.5}));
            assertEquals(0, Evaluation.predictedClass(new double[] {0.4999999}));
        }

        @Test
        @DisplayName("of an empty output or one holding NaN is refused, saying why")
        void emptyOrNaN() {
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.predictedClass(new double[0]));
            assertTrue(empty.getMessage().startsWith("an empty output has no predicted class"), empty.getMessage());
            IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.predictedClass(new double[] {0.2, Double.NaN, 0.1}));
            assertEquals("output 1 is NaN, so no class can be read from [0.2, NaN, 0.1] (do the network's weights"
                    + " hold NaN?)", nan.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Evaluation.predictedClass(new double[] {Double.NaN}));
            assertEquals(1, Evaluation.predictedClass(new double[] {0.1, Double.POSITIVE_INFINITY}), "infinity is a largest value");
        }

        @Test
        @DisplayName("of every sample comes from the network's outputs")
        void predictClasses() {
            assertArrayEquals(new int[] {1, 0, 0}, Evaluation.predictClasses(passThrough(2), new double[][] {{0, 1}, {3, 1}, {2, 2}}));
        }
    }

    @Nested
    @DisplayName("score")
    class ScoreOf {

        @Test
        @DisplayName("gives the mean loss and the accuracy of labelled data")
        void labelled() {
            Dataset d = Dataset.of(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.7, 0.3}}, new double[][] {{1, 0}, {1, 0}, {1, 0}});
            Score s = Evaluation.score(passThrough(2), Losses.mse(), d);
            // L_n = 1/2 sum_k (a_k - y_k)^2 : 0.01, 0.64, 0.09 -> mean 0.74 / 3
            assertEquals((0.5 * (0.01 + 0.01) + 0.5 * (0.64 + 0.64) + 0.5 * (0.09 + 0.09)) / 3, s.loss(), 1e-15);
            assertEquals(2.0 / 3, s.accuracy());
            assertEquals(2, s.correct());
            assertEquals(3, s.size());
        }

        @Test
        @DisplayName("has NaN accuracy and no correct count for regression targets")
        void regression() {
            Score s = Evaluation.score(passThrough(1), Losses.mse(), Dataset.of(new double[][] {{2}}, new double[][] {{0.5}}));
            assertEquals(0.5 * 1.5 * 1.5, s.loss(), 1e-15);
            assertTrue(Double.isNaN(s.accuracy()));
            assertEquals(0, s.correct());
        }

        @Test
        @DisplayName("agrees with the loss of a single forward pass on data larger than its chunks")
        void chunks() {
            SplitMix64 r = new SplitMix64(5);
            double[][] x = new double[600][3];
            double[][] y = new double[600][1];
            for (int i = 0; i < 600; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = r.nextGauss();
                }
                y[i][0] = r.nextDouble();
            }
            Network net = Network.builder(3).dense(4, Activations.tanh()).dense(1, Activations.sigmoid()).seed(1).build();
            double expected = Backpropagation.trace(net, Losses.mse(), x, y).lossValue();
            assertEquals(expected, Evaluation.score(net, Losses.mse(), Dataset.of(x, y)).loss(), 1e-14);
        }

        @Test
        @DisplayName("rejects data that does not fit the network, naming both sizes")
        void shapeMismatch() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.score(passThrough(2), Losses.mse(), Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1, 0}})));
            assertEquals("shape mismatch: the network takes 2 inputs but the data has 3 features", e.getMessage());
        }
    }

    @Nested
    @DisplayName("accuracy")
    class Accuracy {

        @Test
        @DisplayName("is the fraction of samples whose predicted class is their label")
        void fraction() {
            Dataset d = Dataset.ofLabels(new double[][] {{1, 0}, {0, 1}, {1, 0}, {1, 0}}, new int[] {0, 1, 1, 1}, 2);
            assertEquals(0.5, Evaluation.accuracy(passThrough(2), d));
        }

        @Test
        @DisplayName("rejects data without class labels")
        void needsLabels() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.accuracy(passThrough(1), Dataset.of(new double[][] {{2}}, new double[][] {{0.5}})));
            assertTrue(e.getMessage().startsWith("accuracy needs class labels"), e::getMessage);
        }
    }
}
