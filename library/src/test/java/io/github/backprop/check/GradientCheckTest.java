package io.github.backprop.check;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The gradient check")
class GradientCheckTest {
    static final double[][] X = {{0.3, -0.8}, {-0.5, 0.9}, {1.0, 0.2}};
    static final double[][] Y = {{0.2}, {0.9}, {0.4}};

    /** A sigmoid whose derivative forgot the (1 - a): a classic slip. */
    static final Activation SIGMOID_WITH_WRONG_DERIVATIVE = new Activation() {
        @Override
        public String name() {
            return "sigmoid_with_wrong_derivative";
        }

        @Override
        public double value(double z) {
            return 1.0 / (1.0 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a;
        }
    };

    static Network network(Activation hidden) {
        return Network.builder(2).dense(3, hidden).dense(1, Activations.sigmoid()).seed(11).build();
    }

    @Nested
    @DisplayName("on a correct network")
    class Correct {

        @Test
        @DisplayName("passes with a relative error below 1e-7")
        void passes() {
            GradientCheckResult result = GradientCheck.run(network(Activations.sigmoid()), Losses.mse(), X, Y);
            assertTrue(result.passes(1e-7), result::toString);
        }

        @Test
        @DisplayName("reports one entry per parameter, in the order W1, b1, W2, b2")
        void entriesInOrder() {
            GradientCheckResult result = GradientCheck.run(network(Activations.sigmoid()), Losses.mse(), X, Y);
            assertEquals(List.of("W1", "b1", "W2", "b2"), result.entries().stream().map(GradientCheckResult.Entry::name).toList());
            assertEquals(Parameter.Kind.BIASES, result.entries().get(3).kind());
            assertEquals(2, result.entries().get(3).layer());
            assertEquals(GradientCheck.DEFAULT_STEP, result.step());
        }

        @Test
        @DisplayName("leaves every weight, bias and stored gradient of the network exactly as it was")
        void leavesNetworkUnchanged() {
            Network net = network(Activations.tanh());
            for (Parameter p : net.parameters()) {
                for (int i = 0; i < p.size(); i++) {
                    p.gradientArray()[i] = 0.125 * (i + 1);
                }
            }
            List<double[]> values = net.parameters().stream().map(p -> p.valueArray().clone()).toList();
            List<double[]> gradients = net.parameters().stream().map(p -> p.gradientArray().clone()).toList();

            GradientCheck.run(net, Losses.mse(), X, Y);

            for (int i = 0; i < values.size(); i++) {
                assertArrayEquals(values.get(i), net.parameters().get(i).valueArray());
                assertArrayEquals(gradients.get(i), net.parameters().get(i).gradientArray());
            }
        }

        @Test
        @DisplayName("does not modify the caller's samples or targets")
        void leavesCallerArraysUnchanged() {
            double[][] x = {{0.3, -0.8}, {-0.5, 0.9}};
            double[][] y = {{0.2}, {0.9}};
            GradientCheck.run(network(Activations.sigmoid()), Losses.mse(), x, y);
            assertArrayEquals(new double[][] {{0.3, -0.8}, {-0.5, 0.9}}, x);
            assertArrayEquals(new double[][] {{0.2}, {0.9}}, y);
        }
    }

    @Nested
    @DisplayName("on a network with a wrong derivative")
    class Wrong {

        @Test
        @DisplayName("fails with a relative error far above 1e-7")
        void fails() {
            GradientCheckResult result = GradientCheck.run(network(SIGMOID_WITH_WRONG_DERIVATIVE), Losses.mse(), X, Y);
            assertFalse(result.passes(1e-7), result::toString);
            assertTrue(result.maxRelativeError() > 0.1, result::toString);
        }

        @Test
        @DisplayName("points at the layer whose activation is wrong (W1 and b1) and clears the layer after it")
        void pointsAtTheLayer() {
            GradientCheckResult result = GradientCheck.run(network(SIGMOID_WITH_WRONG_DERIVATIVE), Losses.mse(), X, Y);
            List<GradientCheckResult.Entry> e = result.entries();
            assertAll(
                    () -> assertTrue(e.get(0).relativeError() > 0.1, "W1 " + e.get(0)),
                    () -> assertTrue(e.get(1).relativeError() > 0.1, "b1 " + e.get(1)),
                    () -> assertTrue(e.get(2).relativeError() < 1e-7, "W2 " + e.get(2)),
                    () -> assertTrue(e.get(3).relativeError() < 1e-7, "b2 " + e.get(3)));
        }

        @Test
        @DisplayName("reports an error of 1 when the backpropagated gradient is zero but the true one is not")
        void zeroGradient() {
            Activation forgotten = new Activation() {
                @Override
                public String name() {
                    return "tanh_with_zero_derivative";
                }

                @Override
                public double value(double z) {
                    return Math.tanh(z);
                }

                @Override
                public double derivative(double z, double a) {
                    return 0.0;
                }
            };
            GradientCheckResult result = GradientCheck.run(network(forgotten), Losses.mse(), X, Y);
            assertEquals(1.0, result.entries().get(0).relativeError(), 1e-12, result::toString);
            assertEquals(0.0, result.entries().get(0).analytic());
        }
    }

    @Nested
    @DisplayName("relative error")
    class RelativeError {

        @Test
        @DisplayName("is |a - n| / max(|a|, |n|) for gradients of ordinary size")
        void ordinary() {
            assertEquals(0.5, GradientCheck.relativeError(2.0, 1.0), 0.0);
            assertEquals(0.5, GradientCheck.relativeError(-1.0, -2.0), 0.0);
        }

        @Test
        @DisplayName("is 0 when both gradients are exactly 0")
        void bothZero() {
            assertEquals(0.0, GradientCheck.relativeError(0.0, 0.0));
        }

        @Test
        @DisplayName("divides by at least 1e-4, so rounding noise on a practically zero gradient is not an error")
        void floor() {
            assertEquals(1e-9 / 1e-4, GradientCheck.relativeError(1e-9, 2e-9), 1e-20);
        }

        @Test
        @DisplayName("raises the floor to 1e-4 |L| when the loss is above 1")
        void floorGrowsWithTheLoss() {
            assertEquals(1e-6 / 1e-2, GradientCheck.relativeError(1e-3, 1e-3 + 1e-6, 100.0), 1e-15);
            assertEquals(1e-6 / (1e-3 + 1e-6), GradientCheck.relativeError(1e-3, 1e-3 + 1e-6, 0.5), 1e-15);
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a step that is zero, negative, NaN or infinite")
        void badStep() {
            Network net = network(Activations.sigmoid());
            for (double h : new double[] {0.0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> GradientCheck.run(net, Losses.mse(), X, Y, h));
                assertTrue(e.getMessage().contains(String.valueOf(h)), e::getMessage);
            }
        }

        @Test
        @DisplayName("targets of the wrong width, naming the expected and the actual width")
        void targetWidth() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientCheck.run(network(Activations.sigmoid()), Losses.mse(), X, new double[][] {{1, 0}, {0, 1}, {1, 0}}));
            assertTrue(e.getMessage().contains("has 2 values, expected 1"), e::getMessage);
        }

        @Test
        @DisplayName("a different number of samples and targets")
        void sampleCount() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientCheck.run(network(Activations.sigmoid()), Losses.mse(), X, new double[][] {{1}}));
            assertTrue(e.getMessage().contains("3 samples in x but 1 in y"), e::getMessage);
        }
    }

    @Test
    @DisplayName("uses the gradients that backpropagation traces as its analytic values")
    void analyticValuesComeFromTheTrace() {
        Network net = network(Activations.sigmoid());
        GradientCheckResult result = GradientCheck.run(net, Losses.mse(), X, Y);
        GradientCheckResult.Entry w2 = result.entries().get(2);
        double traced = Backpropagation.trace(net, Losses.mse(), X, Y).layer(2).dW().get(w2.row(), w2.col());
        assertEquals(traced, w2.analytic(), 0.0);
    }
}
