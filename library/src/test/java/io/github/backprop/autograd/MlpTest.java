package io.github.backprop.autograd;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.init.Initializers;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Shape;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("An Mlp of Values")
class MlpTest {
    static final double EXACT = 1e-12;

    /** The 2-2-1 sigmoid network of notebooks 01-05. */
    static Network handWorked() {
        return Network.builder(2)
                .dense(new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35}, Activations.sigmoid())
                .dense(new double[][] {{0.40, 0.45}}, new double[] {0.60}, Activations.sigmoid())
                .build();
    }

    static final double[][] X = {{0.05, 0.10}};
    static final double[][] Y = {{0.01}};

    static Network random(int seed, Activation hidden, Activation output) {
        return Network.builder(3)
                .dense(4, hidden)
                .dense(2, output)
                .biasInitializer(Initializers.uniform(0.5))
                .seed(seed)
                .build();
    }

    /** Every z, a, delta, dW and db of the Value engine equals the layer library's trace of the same network and batch. */
    static void assertSameAsTrace(Network net, double[][] x, double[][] y) {
        Mlp mlp = Mlp.from(net);
        List<Mlp.Pass> passes = mlp.forward(x);
        Value loss = Mlp.mse(passes, y);
        loss.backward();
        Trace trace = Backpropagation.trace(net, Losses.mse(), x, y);
        assertEquals(trace.lossValue(), loss.data(), EXACT, "L");
        int batch = x.length;
        for (int l = 1; l <= mlp.layerCount(); l++) {
            LayerTrace t = trace.layer(l);
            NeuronLayer layer = mlp.layer(l);
            for (int n = 0; n < batch; n++) {
                for (int j = 0; j < layer.outputSize(); j++) {
                    Mlp.Pass pass = passes.get(n);
                    String at = "layer " + l + ", sample " + n + ", neuron " + j;
                    assertEquals(t.z().get(n, j), pass.z(l, j).data(), EXACT, "z, " + at);
                    assertEquals(t.a().get(n, j), pass.a(l, j).data(), EXACT, "a, " + at);
                    // the trace keeps each sample's delta_n = dL_n/dz; the batch loss is the mean, so z.grad = delta_n / B
                    assertEquals(t.delta().get(n, j), batch * pass.z(l, j).grad(), EXACT, "delta, " + at);
                }
            }
            double[][] dW = layer.weightGradients();
            double[] db = layer.biasGradients();
            for (int j = 0; j < layer.outputSize(); j++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    assertEquals(t.dW().get(j, i), dW[j][i], EXACT, "dW" + l + "[" + j + "][" + i + "]");
                }
                assertEquals(t.db().get(0, j), db[j], EXACT, "db" + l + "[" + j + "]");
            }
        }
    }

    @Nested
    @DisplayName("built from the 2-2-1 network of notebooks 01-05")
    class HandWorked {
        @Test
        @DisplayName("has the network's weights as labelled leaves")
        void weights() {
            Mlp mlp = Mlp.from(handWorked());
            assertEquals("Mlp 2-2-1 (sigmoid, sigmoid)", mlp.toString());
            assertEquals(0.20, mlp.layer(1).weight(0, 1).data());
            assertEquals("W1[0][1]", mlp.layer(1).weight(0, 1).label());
            assertEquals("b2[0]", mlp.layer(2).bias(0).label());
            assertEquals(9, mlp.parameters().size());
            assertTrue(Arrays.deepEquals(new double[][] {{0.40, 0.45}}, mlp.layer(2).weights()));
        }

        @Test
        @DisplayName("gives the hand-worked numbers: each neuron's delta is the grad of its z")
        void deltas() {
            Mlp mlp = Mlp.from(handWorked());
            Mlp.Pass pass = mlp.forward(X[0]);
            Value loss = Mlp.mse(pass.output(), Y[0]);
            loss.backward();
            assertEquals(0.274811083, loss.data(), 1e-9);
            assertEquals(0.138498562, pass.z(2, 0).grad(), 1e-9);
            assertEquals(0.013367920, pass.z(1, 0).grad(), 1e-9);
            assertEquals(0.014996075, pass.z(1, 1).grad(), 1e-9);
            assertEquals("z1[0]", pass.z(1, 0).label());
            assertEquals("a2[0]", pass.a(2, 0).label());
            assertEquals("x[1]", pass.x().get(1).label());
        }

        @Test
        @DisplayName("equals the layer library's trace (z, a, delta, dW, db, L) to 1e-12")
        void sameAsTrace() {
            assertSameAsTrace(handWorked(), X, Y);
        }

        @Test
        @DisplayName("shows the hidden delta as the fork rule: delta_j = f'(z_j) * sum_k w_kj delta_k")
        void hiddenDeltaIsTheForkRule() {
            Mlp mlp = Mlp.from(handWorked());
            Mlp.Pass pass = mlp.forward(X[0]);
            Mlp.mse(pass.output(), Y[0]).backward();
            double a = pass.a(1, 0).data();
            double byHand = a * (1 - a) * (mlp.layer(2).weight(0, 0).data() * pass.z(2, 0).grad());
            assertEquals(byHand, pass.z(1, 0).grad(), 1e-17);
        }
    }

    static Stream<Arguments> activations() {
        List<Activation> all = List.of(Activations.tanh(), Activations.relu(), Activations.sigmoid(), Activations.identity());
        return all.stream().flatMap(h -> all.stream().map(o -> Arguments.of(h, o)));
    }

    @ParameterizedTest(name = "hidden {0}, output {1}")
    @MethodSource("activations")
    @DisplayName("on a random 3-4-2 network and a batch of 3 equals the layer library's trace to 1e-12")
    void randomNetworkBatch(Activation hidden, Activation output) {
        double[][] x = {{0.5, -1.0, 2.0}, {0.3, 0.8, -0.6}, {-1.2, 0.1, 0.7}};
        double[][] y = {{1.0, 0.0}, {0.0, 1.0}, {0.5, -0.5}};
        assertSameAsTrace(random(11, hidden, output), x, y);
    }

    @Nested
    @DisplayName("trained with gradient descent")
    class Training {
        static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

        Network xorNetwork() {
            return Network.builder(2)
                    .dense(3, Activations.tanh())
                    .dense(1, Activations.sigmoid())
                    .biasInitializer(Initializers.uniform(0.5))
                    .seed(5)
                    .build();
        }

        /** Trains on Values, batch after batch in stored order, as the layer library's Trainer does without shuffling. */
        void trainOnValues(Mlp mlp, int epochs, int batchSize, double learningRate) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int from = 0; from < XOR_X.length; from += batchSize) {
                    int to = Math.min(XOR_X.length, from + batchSize);
                    mlp.zeroGrad();
                    Value loss = mlp.loss(Arrays.copyOfRange(XOR_X, from, to), Arrays.copyOfRange(XOR_Y, from, to));
                    loss.backward();
                    mlp.step(learningRate);
                }
            }
        }

        void assertSameWeights(Network net, Mlp mlp) {
            for (int l = 1; l <= net.layerCount(); l++) {
                double[][] w = mlp.layer(l).weights();
                double[] b = mlp.layer(l).biases();
                for (int j = 0; j < w.length; j++) {
                    for (int i = 0; i < w[j].length; i++) {
                        assertEquals(net.denseLayer(l).weights().value(j, i), w[j][i], EXACT, "W" + l + "[" + j + "][" + i + "]");
                    }
                    assertEquals(net.denseLayer(l).biases().value(0, j), b[j], EXACT, "b" + l + "[" + j + "]");
                }
            }
        }

        @ParameterizedTest(name = "batch size {0}")
        @MethodSource("io.github.backprop.autograd.MlpTest#batchSizes")
        @DisplayName("ends with the same weights as the layer library's Trainer with SGD, to 1e-12")
        void sameAsTrainer(int batchSize) {
            Network net = xorNetwork();
            Mlp mlp = Mlp.from(net);
            double before = net.denseLayer(1).weights().value(0, 0);
            int epochs = 300;
            trainOnValues(mlp, epochs, batchSize, 0.5);
            Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(epochs).batchSize(batchSize)
                    .build().fit(net, XOR_X, XOR_Y);
            assertTrue(Math.abs(net.denseLayer(1).weights().value(0, 0) - before) > 0.05, "training moved the weights");
            assertSameWeights(net, mlp);
        }

        @Test
        @DisplayName("takes a step w = w - learningRate * dL/dw and refuses a learning rate that is not positive")
        void step() {
            Mlp mlp = Mlp.from(handWorked());
            Mlp.mse(mlp.forward(X[0]).output(), Y[0]).backward();
            mlp.step(0.5);
            // the hand-worked example after one step (HandWorkedExampleTest)
            assertEquals(0.358916480, mlp.layer(2).weight(0, 0).data(), 1e-9);
            assertEquals(0.149665802, mlp.layer(1).weight(0, 0).data(), 1e-9);
            assertEquals(0.530750719, mlp.layer(2).bias(0).data(), 1e-9);
            assertThrows(IllegalArgumentException.class, () -> mlp.step(0));
            mlp.zeroGrad();
            assertTrue(mlp.parameters().stream().allMatch(p -> p.grad() == 0));
        }
    }

    static Stream<Integer> batchSizes() {
        return Stream.of(4, 2, 1);
    }

    @Nested
    @DisplayName("gives a clear error")
    class Errors {
        @Test
        @DisplayName("for a network with softmax, naming the layer")
        void softmax() {
            Network net = Network.builder(2).dense(2, Activations.tanh()).dense(3, Activations.softmax()).seed(1).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.from(net));
            assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("softmax"), e.getMessage());
        }

        @Test
        @DisplayName("for a network with a layer that is not dense")
        void notDense() {
            Network net = Network.builder(Shape.image(1, 4, 4)).maxPool(2).flatten().dense(1, Activations.sigmoid()).seed(1).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.from(net));
            assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("dense"), e.getMessage());
        }

        @Test
        @DisplayName("for inputs or targets of the wrong size")
        void shapes() {
            Mlp mlp = Mlp.from(handWorked());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.forward(new double[] {1, 2, 3}));
            assertTrue(e.getMessage().contains("takes 2 inputs, got 3"), e.getMessage());
            Mlp.Pass pass = mlp.forward(X[0]);
            assertThrows(IllegalArgumentException.class, () -> Mlp.mse(pass.output(), new double[] {1, 2}));
            assertThrows(IndexOutOfBoundsException.class, () -> pass.z(3, 0));
        }

        @Test
        @DisplayName("for layers whose sizes do not chain")
        void layersDoNotChain() {
            NeuronLayer first = NeuronLayer.of(1, new double[][] {{1, 2}}, new double[] {0}, Nonlinearity.TANH);
            NeuronLayer second = NeuronLayer.of(2, new double[][] {{1, 2}}, new double[] {0}, Nonlinearity.TANH);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mlp(List.of(first, second)));
            assertTrue(e.getMessage().contains("layer 2 takes 2 inputs but layer 1 has 1 neurons"), e.getMessage());
        }
    }

    @Test
    @DisplayName("with the identity activation uses z itself as a")
    void identity() {
        NeuronLayer layer = NeuronLayer.of(1, new double[][] {{2, 3}}, new double[] {1}, Nonlinearity.IDENTITY);
        NeuronLayer.Output out = layer.forward(List.of(Value.of(1), Value.of(2)));
        assertSame(out.z().get(0), out.a().get(0));
        assertEquals(9.0, out.a().get(0).data());
        assertEquals("z1[0]", out.a().get(0).label());
        assertEquals(Nonlinearity.RELU, Nonlinearity.of(Activations.relu()));
    }
}
