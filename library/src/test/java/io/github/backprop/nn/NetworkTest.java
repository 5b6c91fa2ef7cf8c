package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.init.Initializers;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A network")
class NetworkTest {

    static Network net231() {
        return Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid()).seed(3).build();
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Nested
    @DisplayName("built with the builder")
    class Building {

        @Test
        @DisplayName("has the layer sizes, layers and parameters it was given")
        void structure() {
            Network net = net231();
            assertArrayEquals(new int[] {2, 3, 1}, net.sizes());
            assertEquals(2, net.inputSize());
            assertEquals(1, net.outputSize());
            assertEquals(2, net.layerCount());
            assertEquals(2 * 3 + 3 + 3 + 1, net.parameterCount());
            assertEquals(List.of("W1", "b1", "W2", "b2"), net.parameters().stream().map(Parameter::name).toList());
            assertEquals(3, net.denseLayer(1).weights().rows());
            assertEquals(2, net.denseLayer(1).weights().cols());
            assertEquals(3, net.layer(2).inputSize());
            assertEquals("2-3-1 (tanh, sigmoid)", net.toString());
        }

        @Test
        @DisplayName("draws the same weights from the same seed, and different ones from another seed")
        void seeded() {
            assertEquals(net231().denseLayer(1).weights().values(), net231().denseLayer(1).weights().values());
            Network other = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid()).seed(4).build();
            assertNotEquals(net231().denseLayer(1).weights().values(), other.denseLayer(1).weights().values());
        }

        @Test
        @DisplayName("draws W1 row by row, then W2, from one generator, with biases at zero by default")
        void drawOrder() {
            Network net = Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
            SplitMix64 r = new SplitMix64(7);
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 2; i++) {
                    assertEquals((2 * r.nextDouble() - 1) * (1 / Math.sqrt(2)), net.denseLayer(1).weights().value(j, i), 0.0);
                }
            }
            assertEquals((2 * r.nextDouble() - 1) * (1 / Math.sqrt(2)), net.denseLayer(2).weights().value(0, 0), 0.0);
            assertEquals(0.0, net.denseLayer(1).biases().value(0, 1));
        }

        @Test
        @DisplayName("uses the initialisers and the Random it is given")
        void initialisers() {
            Network net = Network.builder(1).dense(2, Activations.relu())
                    .weightInitializer(Initializers.constant(0.5)).biasInitializer(Initializers.constant(-1))
                    .random(new SplitMix64(1)).build();
            assertEquals(0.5, net.denseLayer(1).weights().value(1, 0));
            assertEquals(-1.0, net.denseLayer(1).biases().value(0, 1));
        }

        @Test
        @DisplayName("copies given weights and biases, so later changes to the arrays do not reach the network")
        void copiesGivenWeights() {
            double[][] w = {{0.1, 0.2}};
            double[] b = {0.3};
            Network net = Network.builder(2).dense(w, b, Activations.identity()).build();
            w[0][0] = 99;
            b[0] = 99;
            assertEquals(0.1, net.denseLayer(1).weights().value(0, 0));
            assertEquals(0.3, net.denseLayer(1).biases().value(0, 0));
            assertArrayEquals(new double[][] {{99, 0.2}}, w);
        }
    }

    @Nested
    @DisplayName("rejects, with a message naming the problem")
    class Rejects {

        @Test
        @DisplayName("a network with no layers")
        void noLayers() {
            assertEquals("a network needs at least one layer: call dense(size, activation)",
                    message(() -> Network.builder(2).seed(1).build()));
        }

        @Test
        @DisplayName("a missing seed when weights must be drawn")
        void missingSeed() {
            String m = message(() -> Network.builder(2).dense(1, Activations.sigmoid()).build());
            assertTrue(m.contains("seed(...)") && m.contains("random(...)"), m);
        }

        @Test
        @DisplayName("no seed is needed when every layer's weights are given")
        void noSeedNeeded() {
            Network net = Network.builder(1).dense(new double[][] {{2}}, new double[] {1}, Activations.identity()).build();
            assertEquals(5.0, net.predict(new double[] {2})[0]);
        }

        @Test
        @DisplayName("softmax over a single neuron, which outputs 1 whatever it is given, saying what to use for two classes")
        void softmaxOfOne() {
            String drawn = message(() -> Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.softmax()));
            assertTrue(drawn.startsWith("layer 2 (dense): softmax over 1 neuron always outputs 1"), drawn);
            assertTrue(drawn.contains("dense(1, Activations.sigmoid()) with Losses.binaryCrossEntropy()")
                    && drawn.contains("dense(2, Activations.softmax())"), drawn);
            String given = message(() -> Network.builder(2).dense(new double[][] {{1, 2}}, new double[] {0},
                    Activations.softmax()));
            assertTrue(given.startsWith("layer 1 (dense): softmax over 1 neuron"), given);
            Network two = Network.builder(2).dense(2, Activations.softmax()).seed(1).build();
            assertEquals(1.0, two.predict(new double[] {1, 2})[0] + two.predict(new double[] {1, 2})[1], 1e-15);
        }

        @Test
        @DisplayName("no inputs, an empty layer and a missing activation")
        void sizes() {
            assertEquals("a network needs at least 1 input, got 0", message(() -> Network.builder(0)));
            assertEquals("layer 2 needs at least 1 neuron, got 0",
                    message(() -> Network.builder(2).dense(2, Activations.tanh()).dense(0, Activations.tanh())));
            assertEquals("layer 1 needs an activation, got null", message(() -> Network.builder(2).dense(2, null)));
        }

        @Test
        @DisplayName("given weights whose rows do not match the layer's inputs, naming the expected and actual length")
        void wrongRowLength() {
            assertEquals("layer 2: W row 0 has 3 weights, expected 2 (one per input)",
                    message(() -> Network.builder(2)
                            .dense(new double[][] {{1, 2}, {3, 4}}, new double[2], Activations.tanh())
                            .dense(new double[][] {{1, 2, 3}}, new double[1], Activations.tanh())
                            .build()));
        }

        @Test
        @DisplayName("a bias vector of the wrong length")
        void wrongBiasLength() {
            assertEquals("layer 1 has 2 neurons (rows of W) but 3 biases",
                    message(() -> Network.builder(2).dense(new double[][] {{1, 2}, {3, 4}}, new double[3], Activations.tanh())));
        }

        @Test
        @DisplayName("a NaN among the given weights, naming its position")
        void nanWeight() {
            assertEquals("W1[0][1] must be finite, got NaN",
                    message(() -> Network.builder(2).dense(new double[][] {{1, Double.NaN}}, new double[1], Activations.tanh()).build()));
        }

        @Test
        @DisplayName("layer 0 or a layer past the last, giving the valid range")
        void layerIndex() {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> net231().layer(0));
            assertEquals("layer 0 does not exist: layers are numbered 1 to 2 (layer 0 is the input)", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> net231().layer(3));
        }
    }

    @Nested
    @DisplayName("predict")
    class Predict {

        @Test
        @DisplayName("computes a = f(W a_prev + b) layer by layer")
        void computes() {
            Network net = Network.builder(2)
                    .dense(new double[][] {{1, -1}, {0.5, 2}}, new double[] {0, 1}, Activations.relu())
                    .dense(new double[][] {{1, 1}}, new double[] {-0.5}, Activations.identity())
                    .build();
            // hidden: relu(3 - 1 + 0) = 2, relu(1.5 + 2 + 1) = 4.5 ; output: 2 + 4.5 - 0.5 = 6
            assertEquals(6.0, net.predict(new double[] {3, 1})[0], 1e-15);
            // hidden: relu(-1 - 0 + 0) = 0, relu(-0.5 + 0 + 1) = 0.5 ; output: 0 + 0.5 - 0.5 = 0
            assertEquals(0.0, net.predict(new double[] {-1, 0})[0], 1e-15);
            assertArrayEquals(new double[][] {{6.0}, {0.0}}, net.predict(new double[][] {{3, 1}, {-1, 0}}));
        }

        @Test
        @DisplayName("does not modify the caller's samples")
        void leavesCallerArraysUnchanged() {
            double[][] x = {{0.5, -1}, {2, 3}};
            net231().predict(x);
            assertArrayEquals(new double[][] {{0.5, -1}, {2, 3}}, x);
        }

        @Test
        @DisplayName("rejects a sample of the wrong width, naming the expected and actual width")
        void wrongWidth() {
            assertEquals("shape mismatch: x row 1 has 3 values, expected 2",
                    message(() -> net231().predict(new double[][] {{1, 2}, {1, 2, 3}})));
        }

        @Test
        @DisplayName("rejects NaN and infinite inputs, naming the row and column")
        void nonFinite() {
            assertEquals("x has a non-finite value NaN at row 0, column 1", message(() -> net231().predict(new double[] {1, Double.NaN})));
            assertEquals("x has a non-finite value -Infinity at row 1, column 0",
                    message(() -> net231().predict(new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 0}})));
        }

        @Test
        @DisplayName("rejects no samples")
        void empty() {
            assertEquals("x is empty: need at least one sample", message(() -> net231().predict(new double[0][])));
        }
    }

    @Nested
    @DisplayName("copy")
    class Copy {

        @Test
        @DisplayName("predicts exactly like the original")
        void samePredictions() {
            double[][] x = {{0.1, 0.2}, {-3, 4}};
            assertArrayEquals(net231().predict(x), net231().copy().predict(x));
        }

        @Test
        @DisplayName("is independent: changing the copy leaves the original alone")
        void independent() {
            Network original = net231();
            Network copy = original.copy();
            copy.denseLayer(1).weights().set(0, 0, 42);
            assertNotEquals(42.0, original.denseLayer(1).weights().value(0, 0));
        }
    }

    @Nested
    @DisplayName("parameters")
    class Parameters {

        @Test
        @DisplayName("set and read values by row and column, and reject non-finite values")
        void setAndGet() {
            Parameter w = net231().denseLayer(1).weights();
            w.set(2, 1, 0.75);
            assertEquals(0.75, w.value(2, 1));
            assertEquals(0.75, w.valueArray()[2 * 2 + 1]);
            assertEquals("W1[0][0] must be finite, got Infinity", message(() -> w.set(0, 0, Double.POSITIVE_INFINITY)));
        }

        @Test
        @DisplayName("name the shape when read outside it")
        void outOfRange() {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> net231().denseLayer(2).biases().value(0, 1));
            assertEquals("(0, 1) is outside b2, which is 1x1", e.getMessage());
        }

        @Test
        @DisplayName("hand out copies of values and gradients as matrices")
        void copies() {
            Parameter b = net231().denseLayer(1).biases();
            assertEquals(1, b.values().rows());
            assertEquals(3, b.gradients().cols());
            assertEquals(Parameter.Kind.BIASES, b.kind());
            assertEquals(1, b.layer());
        }
    }
}
