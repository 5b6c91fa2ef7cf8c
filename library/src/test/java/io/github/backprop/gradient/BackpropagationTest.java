package io.github.backprop.gradient;

import io.github.backprop.activation.Activations;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Backpropagation")
class BackpropagationTest {
    static final double[][] X = {{0.5, -1.0}, {2.0, 0.25}, {-0.3, 0.8}};
    static final double[][] Y = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}};

    static Network network() {
        return Network.builder(2).dense(4, Activations.tanh()).dense(3, Activations.softmax()).seed(8).build();
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Nested
    @DisplayName("the forward pass")
    class Forward {

        @Test
        @DisplayName("keeps every layer's z and a, and its output is what predict gives")
        void values() {
            Network net = network();
            ForwardPass pass = Backpropagation.forwardPass(net, X);
            assertEquals(Matrix.of(X), pass.input());
            assertEquals(Matrix.of(net.predict(X)), pass.output());
            assertEquals(2, pass.layers().size());
            assertEquals(4, pass.layer(1).z().cols());
            assertEquals(3, pass.layer(1).z().rows());
            assertEquals(Math.tanh(pass.layer(1).z().get(2, 3)), pass.layer(1).a().get(2, 3), 0.0);
            assertTrue(pass.toString().contains("z2 = "), pass::toString);
        }

        @Test
        @DisplayName("does not modify the caller's samples")
        void leavesCallerArraysUnchanged() {
            double[][] x = {{0.5, -1.0}, {2.0, 0.25}};
            Backpropagation.forwardPass(network(), x);
            assertArrayEquals(new double[][] {{0.5, -1.0}, {2.0, 0.25}}, x);
        }
    }

    @Nested
    @DisplayName("a trace")
    class Traces {

        @Test
        @DisplayName("has dW and db equal to what the backward pass writes into the parameters")
        void sameAsBackward() {
            Network net = network();
            Trace t = Backpropagation.trace(net, Losses.crossEntropy(), X, Y);
            Backpropagation bp = new Backpropagation(net, 3);
            double[] y = {1, 0, 0, 0, 0, 1, 0, 1, 0};
            bp.forward(new double[] {0.5, -1.0, 2.0, 0.25, -0.3, 0.8}, 0, 3);
            assertEquals(t.lossValue(), bp.loss(y, Losses.crossEntropy()), 0.0);
            bp.backward(y, Losses.crossEntropy());
            for (int l = 1; l <= 2; l++) {
                assertEquals(t.layer(l).dW(), net.denseLayer(l).weights().gradients());
                assertEquals(t.layer(l).db(), net.denseLayer(l).biases().gradients());
            }
        }

        @Test
        @DisplayName("with softmax and cross-entropy has the output delta a - y")
        void softmaxDelta() {
            Trace t = Backpropagation.trace(network(), Losses.crossEntropy(), X, Y);
            Matrix a = t.output();
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.get(r, k) - Y[r][k], t.layer(2).delta().get(r, k), 0.0);
                }
            }
        }

        @Test
        @DisplayName("has no elementwise f'(z) for softmax, whose derivative is a matrix")
        void softmaxHasNoFPrime() {
            Trace t = Backpropagation.trace(network(), Losses.crossEntropy(), X, Y);
            assertNull(t.layer(2).fPrime());
            assertEquals(1 - Math.pow(t.layer(1).a().get(0, 0), 2), t.layer(1).fPrime().get(0, 0), 1e-15);
        }

        @Test
        @DisplayName("does not change the network's weights or its stored gradients")
        void leavesNetworkUnchanged() {
            Network net = network();
            net.denseLayer(1).weights().gradientArray()[3] = 0.75;
            List<Matrix> values = net.parameters().stream().map(Parameter::values).toList();
            List<Matrix> gradients = net.parameters().stream().map(Parameter::gradients).toList();
            Backpropagation.trace(net, Losses.crossEntropy(), X, Y);
            assertEquals(values, net.parameters().stream().map(Parameter::values).toList());
            assertEquals(gradients, net.parameters().stream().map(Parameter::gradients).toList());
        }

        @Test
        @DisplayName("does not modify the caller's samples or targets")
        void leavesCallerArraysUnchanged() {
            double[][] x = {{0.5, -1.0}, {2.0, 0.25}};
            double[][] y = {{1, 0, 0}, {0, 0, 1}};
            Backpropagation.trace(network(), Losses.crossEntropy(), x, y);
            assertArrayEquals(new double[][] {{0.5, -1.0}, {2.0, 0.25}}, x);
            assertArrayEquals(new double[][] {{1, 0, 0}, {0, 0, 1}}, y);
        }

        @Test
        @DisplayName("reads as text with the loss and every layer's z, a, delta, dW and db")
        void printing() {
            String s = Backpropagation.trace(network(), Losses.crossEntropy(), X, Y).toString();
            for (String part : new String[] {"L (cross_entropy) = ", "z1 = ", "a2 = ", "delta1 = ", "dW2 = ", "db1 = "}) {
                assertTrue(s.contains(part), () -> part + " in\n" + s);
            }
        }

        @Test
        @DisplayName("names the valid range when asked for a layer that does not exist")
        void layerOutOfRange() {
            Trace t = Backpropagation.trace(network(), Losses.crossEntropy(), X, Y);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.layer(3));
            assertEquals("layer 3 is not in this trace (layers 1 to 2)", e.getMessage());
        }
    }

    @Nested
    @DisplayName("rejects, naming the problem")
    class Rejects {

        @Test
        @DisplayName("samples of the wrong width")
        void sampleWidth() {
            assertEquals("shape mismatch: x row 0 has 3 values, expected 2",
                    message(() -> Backpropagation.trace(network(), Losses.mse(), new double[][] {{1, 2, 3}}, new double[][] {{1, 0, 0}})));
        }

        @Test
        @DisplayName("targets the loss cannot take, naming the row and column, as the trainer does")
        void targetsForTheLoss() {
            assertEquals("y target at row 1, column 2: cross-entropy needs targets in [0, 1] (one-hot), got 2.0",
                    message(() -> Backpropagation.trace(network(), Losses.crossEntropy(), new double[][] {{1, 2}, {3, 4}},
                            new double[][] {{1, 0, 0}, {0, 0, 2}})));
            assertEquals(1.5, Backpropagation.trace(network(), Losses.mse(), new double[][] {{1, 2}},
                    new double[][] {{1.5, -3, 0}}).target().get(0, 0), "MSE takes any target");
        }

        @Test
        @DisplayName("targets of the wrong width")
        void targetWidth() {
            assertEquals("shape mismatch: y row 1 has 2 values, expected 3",
                    message(() -> Backpropagation.trace(network(), Losses.mse(), new double[][] {{1, 2}, {3, 4}},
                            new double[][] {{1, 0, 0}, {0, 1}})));
        }

        @Test
        @DisplayName("different numbers of samples and targets")
        void counts() {
            assertEquals("shape mismatch: 3 samples in x but 1 in y",
                    message(() -> Backpropagation.trace(network(), Losses.mse(), X, new double[][] {{1, 0, 0}})));
        }

        @Test
        @DisplayName("a NaN target")
        void nanTarget() {
            assertEquals("y has a non-finite value NaN at row 0, column 2",
                    message(() -> Backpropagation.trace(network(), Losses.mse(), new double[][] {{1, 2}},
                            new double[][] {{1, 0, Double.NaN}})));
        }

        @Test
        @DisplayName("a batch larger than the workspace, or a workspace for no samples")
        void workspace() {
            Backpropagation bp = new Backpropagation(network(), 2);
            assertEquals("batch of 3 samples does not fit this workspace (1 to 2)", message(() -> bp.forward(new double[6], 0, 3)));
            assertEquals("batch size must be positive, got 0", message(() -> new Backpropagation(network(), 0)));
        }

        @Test
        @DisplayName("a loss or backward pass before any forward pass")
        void order() {
            Backpropagation bp = new Backpropagation(network(), 2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bp.backward(new double[3], Losses.mse()));
            assertTrue(e.getMessage().startsWith("call forward(...) before"), e::getMessage);
        }
    }
}
