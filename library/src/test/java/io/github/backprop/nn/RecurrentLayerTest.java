package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.loss.Losses;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A recurrent layer")
class RecurrentLayerTest {
    static final double EXACT = 1e-14;

    // Two steps of one feature, a hidden state of 2, then one linear output neuron; MSE loss.
    static final double[] X = {1, 2};
    static final double[][] WX = {{0.5}, {-1}};
    static final double[][] WH = {{0.1, 0.4}, {-0.3, 0.2}};
    static final double[] B = {0, 0.1};
    static final double[][] V = {{1, -2}};
    static final double C = 0.2;
    static final double Y = 0.5;

    static Network twoSteps() {
        return Network.builder(Shape.sequence(2, 1))
                .recurrent(WX, WH, B, RecurrentLayer.Output.LAST_STEP)
                .dense(V, new double[] {C}, Activations.identity())
                .build();
    }

    @Nested
    @DisplayName("over two time steps, worked by hand")
    class TwoSteps {
        // forward: z_t = W_x x_t + W_h h_{t-1} + b, h_t = tanh(z_t), h_0 = 0
        final double z10 = 0.5 * 1 + 0;
        final double z11 = -1 * 1 + 0.1;
        final double h10 = Math.tanh(z10);
        final double h11 = Math.tanh(z11);
        final double z20 = 0.5 * 2 + 0.1 * h10 + 0.4 * h11 + 0;
        final double z21 = -1 * 2 + -0.3 * h10 + 0.2 * h11 + 0.1;
        final double h20 = Math.tanh(z20);
        final double h21 = Math.tanh(z21);
        final double out = 1 * h20 - 2 * h21 + C;
        // backward: the output delta, then dL/dh_2 = Vᵀ delta_out
        final double deltaOut = out - Y;
        final double d20 = (1 - h20 * h20) * (1 * deltaOut);
        final double d21 = (1 - h21 * h21) * (-2 * deltaOut);
        // delta_1 = f'(z_1) * W_hᵀ delta_2   (nothing arrives from above at t = 1)
        final double d10 = (1 - h10 * h10) * (0.1 * d20 + -0.3 * d21);
        final double d11 = (1 - h11 * h11) * (0.4 * d20 + 0.2 * d21);

        final Trace trace = Backpropagation.trace(twoSteps(), Losses.mse(), new double[][] {X}, new double[][] {{Y}});
        final RecurrentTrace rnn = trace.recurrent(1);

        @Test
        @DisplayName("computes h_1 = tanh(W_x x_1 + b) and h_2 = tanh(W_x x_2 + W_h h_1 + b)")
        void hiddenStates() {
            assertArrayEquals(new double[] {z10, z11}, rnn.z(1).row(0), EXACT);
            assertArrayEquals(new double[] {h10, h11}, rnn.h(1).row(0), EXACT);
            assertArrayEquals(new double[] {z20, z21}, rnn.z(2).row(0), EXACT);
            assertArrayEquals(new double[] {h20, h21}, rnn.h(2).row(0), EXACT);
            assertArrayEquals(new double[] {h20, h21}, trace.layer(1).a().row(0), EXACT);
            assertEquals(out, trace.output().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("gets delta_2 from the output and delta_1 = f'(z_1) * W_hᵀ delta_2 through time")
        void deltasThroughTime() {
            assertArrayEquals(new double[] {d20, d21}, rnn.delta(2).row(0), EXACT);
            assertArrayEquals(new double[] {d10, d11}, rnn.delta(1).row(0), EXACT);
            assertArrayEquals(new double[] {d10, d11}, trace.layer(1).deltaAtStep(1).row(0), EXACT);
            // the layer's delta row holds every step, [step][hidden]
            assertArrayEquals(new double[] {d10, d11, d20, d21}, trace.layer(1).delta().row(0), EXACT);
            assertEquals(Shape.sequence(2, 2), trace.layer(1).zShape());
        }

        @Test
        @DisplayName("sums the gradients over the steps: dW_x, dW_h (with h_0 = 0) and db")
        void gradients() {
            LayerTrace layer = trace.layer(1);
            // dW_x = delta_1 x_1ᵀ + delta_2 x_2ᵀ
            assertArrayEquals(new double[][] {{d10 * 1 + d20 * 2}, {d11 * 1 + d21 * 2}},
                    rnn.inputWeights().gradient().toArray());
            assertEquals(layer.dW(), rnn.inputWeights().gradient());
            // dW_h = delta_2 h_1ᵀ   (delta_1 h_0ᵀ = 0)
            double[][] dWh = rnn.recurrentWeights().gradient().toArray();
            assertArrayEquals(new double[] {d20 * h10, d20 * h11}, dWh[0], EXACT);
            assertArrayEquals(new double[] {d21 * h10, d21 * h11}, dWh[1], EXACT);
            // db = delta_1 + delta_2
            assertArrayEquals(new double[] {d10 + d20, d11 + d21}, rnn.biases().gradient().row(0), EXACT);
        }

        @Test
        @DisplayName("gives the numbers worked out by hand (30-digit arithmetic, rounded to 12 significant digits)")
        void handWorkedNumbers() {
            double rounding = 1e-11;
            // h_1 = tanh(0.5, -0.9)
            assertArrayEquals(new double[] {0.46211715726, -0.716297870199}, rnn.h(1).row(0), rounding);
            // z_2 = W_x * 2 + W_h h_1 + b, h_2 = tanh(z_2)
            assertArrayEquals(new double[] {0.759692567646, -2.18189472122}, rnn.z(2).row(0), rounding);
            assertArrayEquals(new double[] {0.640895841588, -0.974859921974}, rnn.h(2).row(0), rounding);
            // output = h_2,0 - 2 h_2,1 + 0.2 and L = (output - 0.5)^2 / 2
            assertEquals(2.79061568554, trace.output().get(0, 0), rounding);
            assertEquals(2.62346010941, trace.lossValue(), rounding);
            // delta_2 = f'(z_2) * V^T delta_out, delta_1 = f'(z_1) * W_h^T delta_2
            assertArrayEquals(new double[] {1.34975106559, -0.227449582253}, rnn.delta(2).row(0), rounding);
            assertArrayEquals(new double[] {0.159814029058, 0.240737060749}, rnn.delta(1).row(0), rounding);
            // dW_x = delta_1 * 1 + delta_2 * 2, dW_h = delta_2 h_1^T, db = delta_1 + delta_2
            assertArrayEquals(new double[] {2.85931616024, -0.214162103757},
                    rnn.inputWeights().gradient().transpose().row(0), rounding);
            assertArrayEquals(new double[] {0.62374312544, -0.966823813583}, rnn.recurrentWeights().gradient().row(0),
                    rounding);
            assertArrayEquals(new double[] {-0.105108354371, 0.162921651345}, rnn.recurrentWeights().gradient().row(1),
                    rounding);
            assertArrayEquals(new double[] {1.50956509465, 0.0132874784961}, rnn.biases().gradient().row(0), rounding);
        }

        @Test
        @DisplayName("reports ||delta_t|| per step")
        void deltaNorms() {
            assertArrayEquals(new double[] {Math.hypot(d10, d11), Math.hypot(d20, d21)}, rnn.deltaNorms(), EXACT);
        }

        @Test
        @DisplayName("names its parameters Wx1, Wh1 and b1")
        void names() {
            assertEquals("Wx1", twoSteps().layer(1, RecurrentLayer.class).inputWeights().name());
            assertEquals("Wh1", twoSteps().layer(1, RecurrentLayer.class).recurrentWeights().name());
            assertEquals(java.util.List.of("Wx1", "Wh1", "b1", "W2", "b2"),
                    twoSteps().parameters().stream().map(Parameter::name).toList());
        }
    }

    @Test
    @DisplayName("lets the error fade step by step back in time when W_h is small (vanishing gradient)")
    void vanishing() {
        int steps = 8;
        double[][] wh = {{0.5, 0}, {0, 0.5}};
        Network net = Network.builder(Shape.sequence(steps, 1))
                .recurrent(new double[][] {{0.3}, {-0.2}}, wh, new double[] {0, 0}, RecurrentLayer.Output.LAST_STEP)
                .dense(new double[][] {{1, 1}}, new double[] {0}, Activations.identity())
                .build();
        double[] x = {1, -1, 0.5, 0.2, -0.3, 0.8, 0.1, -0.6};
        double[] norms = Backpropagation.trace(net, Losses.mse(), new double[][] {x}, new double[][] {{1}})
                .recurrent(1).deltaNorms();
        // ||delta_t|| <= ||W_h|| * max f' * ||delta_{t+1}|| = 0.5 * ||delta_{t+1}||
        for (int t = 0; t < steps - 1; t++) {
            assertTrue(norms[t] <= 0.5 * norms[t + 1] + 1e-15, () -> java.util.Arrays.toString(norms));
        }
        assertTrue(norms[0] < norms[steps - 1] / 100, () -> java.util.Arrays.toString(norms));
    }

    @Nested
    @DisplayName("passing on every step")
    class EveryStep {

        @Test
        @DisplayName("outputs h_1 ... h_T as a sequence, which a second recurrent layer can read")
        void stacked() {
            Network net = Network.builder(Shape.sequence(2, 1))
                    .recurrent(WX, WH, B, RecurrentLayer.Output.EVERY_STEP)
                    .recurrent(3)
                    .dense(1, Activations.sigmoid())
                    .seed(3)
                    .build();
            assertEquals(Shape.sequence(2, 2), net.layer(1).outputShape());
            assertEquals(Shape.sequence(2, 2), net.layer(2).inputShape());
            Trace trace = Backpropagation.trace(net, Losses.binaryCrossEntropy(), new double[][] {X}, new double[][] {{1}});
            double h10 = Math.tanh(0.5);
            double h11 = Math.tanh(-0.9);
            assertArrayEquals(new double[] {h10, h11}, java.util.Arrays.copyOfRange(trace.layer(1).a().row(0), 0, 2),
                    EXACT);
            // f'(z_t) = 1 - h_t^2 for every step
            double[] a = trace.layer(1).a().row(0);
            double[] fPrime = trace.layer(1).fPrime().row(0);
            for (int i = 0; i < 4; i++) {
                assertEquals(1 - a[i] * a[i], fPrime[i], EXACT);
            }
        }

        @Test
        @DisplayName("adds dL/dh_t from above at every step: delta_t = f'(z_t) * (upstream_t + W_hᵀ delta_{t+1})")
        void upstreamAtEveryStep() {
            // flatten + dense reads h_1 and h_2, so both steps get an error from above
            Network net = Network.builder(Shape.sequence(2, 1))
                    .recurrent(WX, WH, B, RecurrentLayer.Output.EVERY_STEP)
                    .flatten()
                    .dense(new double[][] {{1, -2, 0.5, 3}}, new double[] {0}, Activations.identity())
                    .build();
            Trace trace = Backpropagation.trace(net, Losses.mse(), new double[][] {X}, new double[][] {{0}});
            double[] h = trace.layer(1).a().row(0);
            double deltaOut = trace.output().get(0, 0);
            double d20 = (1 - h[2] * h[2]) * (0.5 * deltaOut);
            double d21 = (1 - h[3] * h[3]) * (3 * deltaOut);
            double d10 = (1 - h[0] * h[0]) * (1 * deltaOut + 0.1 * d20 - 0.3 * d21);
            double d11 = (1 - h[1] * h[1]) * (-2 * deltaOut + 0.4 * d20 + 0.2 * d21);
            assertArrayEquals(new double[] {d10, d11, d20, d21}, trace.layer(1).delta().row(0), EXACT);
        }
    }

    @Nested
    @DisplayName("rejects")
    class BadInput {

        @Test
        @DisplayName("a plain vector input, saying how to give a sequence shape")
        void vectorInput() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(10).recurrent(4));
            assertTrue(e.getMessage().contains("needs a sequence input, but the input gives a vector 10"), e.getMessage());
            assertTrue(e.getMessage().contains("Shape.sequence(steps, features)"), e.getMessage());
        }

        @Test
        @DisplayName("sequences of the wrong length, naming steps and features")
        void wrongLength() {
            Network net = Network.builder(Shape.sequence(5, 2)).recurrent(3).seed(1).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.predict(new double[9]));
            assertTrue(e.getMessage().contains(
                    "has 9 values, expected 10 (a sequence of 5 steps x 2 features, stored [step][feature])"), e.getMessage());
        }

        @Test
        @DisplayName("training and scoring data of the wrong sequence length, naming steps and features")
        void wrongLengthInTraining() {
            Network net = Network.builder(Shape.sequence(5, 2)).recurrent(3).dense(1, Activations.sigmoid()).seed(1).build();
            Dataset fourSteps = Dataset.of(new double[][] {new double[8]}, new double[][] {{1}});
            String expected = "shape mismatch: the network takes 10 inputs (a sequence of 5 steps x 2 features, "
                    + "stored [step][feature]) but the training data has 8 features";
            Trainer trainer = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.sgd(0.1)).epochs(1)
                    .build();
            assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> trainer.fit(net, fourSteps))
                    .getMessage());
            assertEquals(expected.replace("the training data", "the data"), assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.score(net, Losses.binaryCrossEntropy(), fourSteps)).getMessage());
        }

        @Test
        @DisplayName("an input shape whose size differs from the input size")
        void inputShapeSize() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(10).inputShape(Shape.sequence(3, 3)));
            assertTrue(e.getMessage().contains("sequence 3x3 has 9 values but the network takes 10 inputs"),
                    e.getMessage());
            Network net = Network.builder(10).inputShape(Shape.sequence(5, 2)).recurrent(2).seed(1).build();
            assertEquals(Shape.sequence(5, 2), net.inputShape());
        }

        @Test
        @DisplayName("a hidden size of 0, and weights of the wrong shape")
        void settings() {
            NetworkBuilder b = Network.builder(Shape.sequence(2, 1));
            assertThrows(IllegalArgumentException.class, () -> b.recurrent(0));
            assertThrows(IllegalArgumentException.class, () -> b.recurrent(2, null));
            IllegalArgumentException wh = assertThrows(IllegalArgumentException.class,
                    () -> b.recurrent(WX, new double[][] {{1, 2}}, B, RecurrentLayer.Output.LAST_STEP));
            assertTrue(wh.getMessage().contains("W_h has 1 rows, expected 2"), wh.getMessage());
            IllegalArgumentException wx = assertThrows(IllegalArgumentException.class,
                    () -> b.recurrent(new double[][] {{1, 2}, {3, 4}}, WH, B, RecurrentLayer.Output.LAST_STEP));
            assertTrue(wx.getMessage().contains("W_x row 0 has 2 values, expected 1 (one per input feature)"),
                    wx.getMessage());
        }

        @Test
        @DisplayName("asking a dense layer's trace for a time step, or a step outside 1..T")
        void steps() {
            Trace trace = Backpropagation.trace(twoSteps(), Losses.mse(), new double[][] {X}, new double[][] {{Y}});
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> trace.layer(2).deltaAtStep(1));
            assertTrue(e.getMessage().contains("is not recurrent"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> trace.layer(1).deltaAtStep(0));
            assertThrows(IndexOutOfBoundsException.class, () -> trace.layer(1).deltaAtStep(3));
        }
    }
}
