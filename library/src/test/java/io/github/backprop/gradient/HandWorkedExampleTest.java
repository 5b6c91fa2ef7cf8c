package io.github.backprop.gradient;

import io.github.backprop.activation.Activations;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-worked example the notebooks use: a 2-2-1 sigmoid network with the MSE loss, one
 * sample, fixed weights (the numbers of Matt Mazur's "A Step by Step Backpropagation Example",
 * cut down to one output).
 *
 * <pre>
 *   x = (0.05, 0.10)                 y = 0.01              learning rate 0.5
 *   W1 = [[0.15, 0.20],              b1 = (0.35, 0.35)
 *         [0.25, 0.30]]
 *   W2 = [[0.40, 0.45]]              b2 = (0.60)
 *
 *   z1 = (0.3775, 0.3925)            a1 = (0.593269992, 0.596884378)
 *   z2 = 1.105905967                 a2 = 0.751365070     L = 1/2 (a2 - y)^2 = 0.274811083
 *   delta2 = (a2 - y) a2 (1 - a2) = 0.138498562
 *   dW2 = delta2 a1 = (0.082167041, 0.082667628)          db2 = 0.138498562
 *   delta1_j = a1_j (1 - a1_j) w2_j delta2 = (0.013367920, 0.014996075)
 *   dW1 = [[0.000668396, 0.001336792],                    db1 = (0.013367920, 0.014996075)
 *          [0.000749804, 0.001499608]]
 *   after one SGD step:
 *   W1 = [[0.149665802, 0.199331604],                     b1 = (0.343316040, 0.342501962)
 *         [0.249625098, 0.299250196]]
 *   W2 = [[0.358916480, 0.408666186]]                     b2 = (0.530750719)
 * </pre>
 *
 * Every expected value is computed in this test, step by step, with the scalar formulas a
 * learner writes on paper (never by calling the library), and compared to 1e-12.
 */
@DisplayName("The hand-worked 2-2-1 sigmoid/MSE example")
class HandWorkedExampleTest {
    static final double EXACT = 1e-12;

    static final double W1_00 = 0.15;
    static final double W1_01 = 0.20;
    static final double W1_10 = 0.25;
    static final double W1_11 = 0.30;
    static final double B1_0 = 0.35;
    static final double B1_1 = 0.35;
    static final double W2_00 = 0.40;
    static final double W2_01 = 0.45;
    static final double B2_0 = 0.60;
    static final double LEARNING_RATE = 0.5;

    static final double[][] X = {{0.05, 0.10}};
    static final double[][] Y = {{0.01}};

    static Network network() {
        return Network.builder(2)
                .dense(new double[][] {{W1_00, W1_01}, {W1_10, W1_11}}, new double[] {B1_0, B1_1}, Activations.sigmoid())
                .dense(new double[][] {{W2_00, W2_01}}, new double[] {B2_0}, Activations.sigmoid())
                .build();
    }

    static double sigma(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** Every value of the example for one sample (x0, x1) with target y, by hand. */
    static final class ByHand {
        final double z1_0;
        final double z1_1;
        final double a1_0;
        final double a1_1;
        final double z2;
        final double a2;
        final double loss;
        final double delta2;
        final double dW2_00;
        final double dW2_01;
        final double db2_0;
        final double delta1_0;
        final double delta1_1;
        final double dW1_00;
        final double dW1_01;
        final double dW1_10;
        final double dW1_11;
        final double db1_0;
        final double db1_1;

        ByHand(double x0, double x1, double y) {
            // hidden layer: z = w * x0 + w * x1 + b, a = sigma(z)
            z1_0 = W1_00 * x0 + W1_01 * x1 + B1_0;
            z1_1 = W1_10 * x0 + W1_11 * x1 + B1_1;
            a1_0 = sigma(z1_0);
            a1_1 = sigma(z1_1);
            // output layer
            z2 = W2_00 * a1_0 + W2_01 * a1_1 + B2_0;
            a2 = sigma(z2);
            // L = 1/2 (a - y)^2
            loss = 0.5 * (a2 - y) * (a2 - y);
            // delta2 = dL/da2 * sigma'(z2) = (a2 - y) * a2 * (1 - a2)
            delta2 = (a2 - y) * a2 * (1 - a2);
            // dL/dw2_j = delta2 * a1_j ; dL/db2 = delta2
            dW2_00 = delta2 * a1_0;
            dW2_01 = delta2 * a1_1;
            db2_0 = delta2;
            // delta1_j = sigma'(z1_j) * w2_j * delta2 = a1_j (1 - a1_j) * w2_j * delta2
            delta1_0 = a1_0 * (1 - a1_0) * W2_00 * delta2;
            delta1_1 = a1_1 * (1 - a1_1) * W2_01 * delta2;
            // dL/dw1_ji = delta1_j * x_i ; dL/db1_j = delta1_j
            dW1_00 = delta1_0 * x0;
            dW1_01 = delta1_0 * x1;
            dW1_10 = delta1_1 * x0;
            dW1_11 = delta1_1 * x1;
            db1_0 = delta1_0;
            db1_1 = delta1_1;
        }
    }

    static final ByHand HAND = new ByHand(0.05, 0.10, 0.01);

    /** The network after one backward pass on x, y and one SGD step. */
    static Network stepped() {
        Network net = network();
        Backpropagation bp = new Backpropagation(net, 1);
        bp.forward(new double[] {0.05, 0.10}, 0, 1);
        bp.backward(new double[] {0.01}, Losses.mse());
        Optimizers.sgd(LEARNING_RATE).step(net.parameters());
        return net;
    }

    static Trace trace() {
        return Backpropagation.trace(network(), Losses.mse(), X, Y);
    }

    @Nested
    @DisplayName("forward pass")
    class ForwardPassValues {

        @Test
        @DisplayName("z1 = W1 x + b1 for both hidden neurons")
        void hiddenZ() {
            LayerTrace l1 = trace().layer(1);
            assertEquals(HAND.z1_0, l1.z().get(0, 0), EXACT);
            assertEquals(HAND.z1_1, l1.z().get(0, 1), EXACT);
        }

        @Test
        @DisplayName("a1 = sigma(z1) for both hidden neurons")
        void hiddenA() {
            LayerTrace l1 = trace().layer(1);
            assertEquals(HAND.a1_0, l1.a().get(0, 0), EXACT);
            assertEquals(HAND.a1_1, l1.a().get(0, 1), EXACT);
        }

        @Test
        @DisplayName("z2 = W2 a1 + b2 and a2 = sigma(z2)")
        void output() {
            LayerTrace l2 = trace().layer(2);
            assertEquals(HAND.z2, l2.z().get(0, 0), EXACT);
            assertEquals(HAND.a2, l2.a().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("the loss is 1/2 (a2 - y)^2")
        void loss() {
            assertEquals(HAND.loss, trace().lossValue(), EXACT);
        }

        @Test
        @DisplayName("predict gives the same output a2")
        void predict() {
            assertEquals(HAND.a2, network().predict(X[0])[0], EXACT);
        }
    }

    @Nested
    @DisplayName("backward pass")
    class BackwardPassValues {

        @Test
        @DisplayName("the output delta is (a2 - y) a2 (1 - a2)")
        void outputDelta() {
            assertEquals(HAND.delta2, trace().layer(2).delta().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("dW2 = delta2 a1 and db2 = delta2")
        void outputGradients() {
            LayerTrace l2 = trace().layer(2);
            assertEquals(HAND.dW2_00, l2.dW().get(0, 0), EXACT);
            assertEquals(HAND.dW2_01, l2.dW().get(0, 1), EXACT);
            assertEquals(HAND.db2_0, l2.db().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("the hidden deltas are a1 (1 - a1) w2 delta2")
        void hiddenDeltas() {
            LayerTrace l1 = trace().layer(1);
            assertEquals(HAND.delta1_0, l1.delta().get(0, 0), EXACT);
            assertEquals(HAND.delta1_1, l1.delta().get(0, 1), EXACT);
        }

        @Test
        @DisplayName("sigma'(z) is a (1 - a) in both layers")
        void derivatives() {
            Trace t = trace();
            assertEquals(HAND.a1_0 * (1 - HAND.a1_0), t.layer(1).fPrime().get(0, 0), EXACT);
            assertEquals(HAND.a1_1 * (1 - HAND.a1_1), t.layer(1).fPrime().get(0, 1), EXACT);
            assertEquals(HAND.a2 * (1 - HAND.a2), t.layer(2).fPrime().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("dW1 = delta1 xᵀ and db1 = delta1")
        void hiddenGradients() {
            LayerTrace l1 = trace().layer(1);
            assertEquals(HAND.dW1_00, l1.dW().get(0, 0), EXACT);
            assertEquals(HAND.dW1_01, l1.dW().get(0, 1), EXACT);
            assertEquals(HAND.dW1_10, l1.dW().get(1, 0), EXACT);
            assertEquals(HAND.dW1_11, l1.dW().get(1, 1), EXACT);
            assertEquals(HAND.db1_0, l1.db().get(0, 0), EXACT);
            assertEquals(HAND.db1_1, l1.db().get(0, 1), EXACT);
        }
    }

    @Nested
    @DisplayName("one SGD step with learning rate 0.5")
    class OneStep {

        @Test
        @DisplayName("moves W1 to W1 - 0.5 dW1")
        void hiddenWeights() {
            Network net = stepped();
            assertEquals(W1_00 - LEARNING_RATE * HAND.dW1_00, net.denseLayer(1).weights().value(0, 0), EXACT);
            assertEquals(W1_01 - LEARNING_RATE * HAND.dW1_01, net.denseLayer(1).weights().value(0, 1), EXACT);
            assertEquals(W1_10 - LEARNING_RATE * HAND.dW1_10, net.denseLayer(1).weights().value(1, 0), EXACT);
            assertEquals(W1_11 - LEARNING_RATE * HAND.dW1_11, net.denseLayer(1).weights().value(1, 1), EXACT);
        }

        @Test
        @DisplayName("moves b1 to b1 - 0.5 db1")
        void hiddenBiases() {
            Network net = stepped();
            assertEquals(B1_0 - LEARNING_RATE * HAND.db1_0, net.denseLayer(1).biases().value(0, 0), EXACT);
            assertEquals(B1_1 - LEARNING_RATE * HAND.db1_1, net.denseLayer(1).biases().value(0, 1), EXACT);
        }

        @Test
        @DisplayName("moves W2 to W2 - 0.5 dW2 and b2 to b2 - 0.5 db2")
        void outputParameters() {
            Network net = stepped();
            assertEquals(W2_00 - LEARNING_RATE * HAND.dW2_00, net.denseLayer(2).weights().value(0, 0), EXACT);
            assertEquals(W2_01 - LEARNING_RATE * HAND.dW2_01, net.denseLayer(2).weights().value(0, 1), EXACT);
            assertEquals(B2_0 - LEARNING_RATE * HAND.db2_0, net.denseLayer(2).biases().value(0, 0), EXACT);
        }

        @Test
        @DisplayName("lowers the loss")
        void lowersTheLoss() {
            double after = Backpropagation.trace(stepped(), Losses.mse(), X, Y).lossValue();
            assertTrue(after < HAND.loss, () -> "loss " + HAND.loss + " -> " + after);
        }
    }

    @Nested
    @DisplayName("agrees with Matt Mazur's published values where the two networks coincide")
    class PublishedValues {

        @Test
        @DisplayName("out_h1 = 0.593269992, out_h2 = 0.596884378, out_o1 = 0.75136507, E_o1 = 0.274811083")
        void forward() {
            Trace t = trace();
            assertEquals(0.593269992, t.layer(1).a().get(0, 0), 5e-10);
            assertEquals(0.596884378, t.layer(1).a().get(0, 1), 5e-10);
            assertEquals(0.75136507, t.output().get(0, 0), 5e-9);
            assertEquals(0.274811083, t.lossValue(), 5e-10);
        }

        @Test
        @DisplayName("after one step w5 = 0.35891648 and w6 = 0.408666186")
        void outputWeightsAfterOneStep() {
            Network net = stepped();
            assertEquals(0.35891648, net.denseLayer(2).weights().value(0, 0), 5e-9);
            assertEquals(0.408666186, net.denseLayer(2).weights().value(0, 1), 5e-10);
        }
    }

    @Nested
    @DisplayName("a batch of two samples")
    class Batch {
        final double[][] x = {{0.05, 0.10}, {0.90, -0.40}};
        final double[][] y = {{0.01}, {0.99}};
        final ByHand first = new ByHand(0.05, 0.10, 0.01);
        final ByHand second = new ByHand(0.90, -0.40, 0.99);

        Trace trace() {
            return Backpropagation.trace(network(), Losses.mse(), x, y);
        }

        @Test
        @DisplayName("keeps one row of z, a and delta per sample")
        void rowsPerSample() {
            Trace t = trace();
            assertEquals(first.z1_1, t.layer(1).z().get(0, 1), EXACT);
            assertEquals(second.z1_1, t.layer(1).z().get(1, 1), EXACT);
            assertEquals(first.a2, t.layer(2).a().get(0, 0), EXACT);
            assertEquals(second.a2, t.layer(2).a().get(1, 0), EXACT);
            assertEquals(first.delta1_0, t.layer(1).delta().get(0, 0), EXACT);
            assertEquals(second.delta1_0, t.layer(1).delta().get(1, 0), EXACT);
        }

        @Test
        @DisplayName("has the mean of the two samples' losses")
        void meanLoss() {
            assertEquals((first.loss + second.loss) / 2, trace().lossValue(), EXACT);
        }

        @Test
        @DisplayName("has dW1 and db1 equal to the averages of the per-sample gradients")
        void hiddenGradientsAreAverages() {
            LayerTrace l1 = trace().layer(1);
            assertEquals((first.dW1_00 + second.dW1_00) / 2, l1.dW().get(0, 0), EXACT);
            assertEquals((first.dW1_01 + second.dW1_01) / 2, l1.dW().get(0, 1), EXACT);
            assertEquals((first.dW1_10 + second.dW1_10) / 2, l1.dW().get(1, 0), EXACT);
            assertEquals((first.dW1_11 + second.dW1_11) / 2, l1.dW().get(1, 1), EXACT);
            assertEquals((first.db1_0 + second.db1_0) / 2, l1.db().get(0, 0), EXACT);
            assertEquals((first.db1_1 + second.db1_1) / 2, l1.db().get(0, 1), EXACT);
        }

        @Test
        @DisplayName("has dW2 and db2 equal to the averages of the per-sample gradients")
        void outputGradientsAreAverages() {
            LayerTrace l2 = trace().layer(2);
            assertEquals((first.dW2_00 + second.dW2_00) / 2, l2.dW().get(0, 0), EXACT);
            assertEquals((first.dW2_01 + second.dW2_01) / 2, l2.dW().get(0, 1), EXACT);
            assertEquals((first.db2_0 + second.db2_0) / 2, l2.db().get(0, 0), EXACT);
        }
    }
}
