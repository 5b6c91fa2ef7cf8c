package io.github.backprop.optim;

import io.github.backprop.activation.Activations;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact parameter values after one and two steps, each derived in the test from the update rule.
 *
 * <p>The network has one layer with W = [0.5, -1.0] and b = [0.25]. The gradients are set by hand:
 * first dW = [0.2, -0.4], db = [0.1], then dW = [-0.1, 0.3], db = [0.05].
 */
@DisplayName("Optimisers")
class OptimizersTest {
    /** Values agree to the last bit or two. */
    static final double EXACT = 1e-15;

    static final double W0 = 0.5;
    static final double W1 = -1.0;
    static final double B0 = 0.25;
    static final double[] DW_FIRST = {0.2, -0.4};
    static final double DB_FIRST = 0.1;
    static final double[] DW_SECOND = {-0.1, 0.3};
    static final double DB_SECOND = 0.05;

    static Network network() {
        return Network.builder(2).dense(new double[][] {{W0, W1}}, new double[] {B0}, Activations.identity()).build();
    }

    static Parameter weights(Network net) {
        return net.denseLayer(1).weights();
    }

    static Parameter biases(Network net) {
        return net.denseLayer(1).biases();
    }

    static void setGradients(Network net, double[] dW, double db) {
        System.arraycopy(dW, 0, weights(net).gradientArray(), 0, 2);
        biases(net).gradientArray()[0] = db;
    }

    /** Runs one step with the first gradients, or two steps with the first and then the second. */
    static Network afterSteps(Optimizer optimizer, int steps) {
        Network net = network();
        setGradients(net, DW_FIRST, DB_FIRST);
        optimizer.step(net.parameters());
        if (steps == 2) {
            setGradients(net, DW_SECOND, DB_SECOND);
            optimizer.step(net.parameters());
        }
        return net;
    }

    static void assertParameters(Network net, double w0, double w1, double b0) {
        assertEquals(w0, weights(net).value(0, 0), EXACT, "w0");
        assertEquals(w1, weights(net).value(0, 1), EXACT, "w1");
        assertEquals(b0, biases(net).value(0, 0), EXACT, "b0");
    }

    @Nested
    @DisplayName("SGD with learning rate 0.1: w = w - 0.1 dL/dw")
    class Sgd {
        final double lr = 0.1;

        @Test
        @DisplayName("after one step: W = [0.48, -0.96], b = 0.24")
        void oneStep() {
            assertParameters(afterSteps(Optimizers.sgd(lr), 1), W0 - lr * 0.2, W1 - lr * -0.4, B0 - lr * 0.1);
            assertParameters(afterSteps(Optimizers.sgd(lr), 1), 0.48, -0.96, 0.24);
        }

        @Test
        @DisplayName("after two steps: W = [0.49, -0.99], b = 0.235")
        void twoSteps() {
            double w0 = W0 - lr * 0.2 - lr * -0.1;
            double w1 = W1 - lr * -0.4 - lr * 0.3;
            double b0 = B0 - lr * 0.1 - lr * 0.05;
            assertParameters(afterSteps(Optimizers.sgd(lr), 2), w0, w1, b0);
            assertParameters(afterSteps(Optimizers.sgd(lr), 2), 0.49, -0.99, 0.235);
        }

        @Test
        @DisplayName("with weight decay 0.01 adds 0.01 w to each weight's gradient but not to the bias's")
        void weightDecay() {
            double lambda = 0.01;
            Optimizer sgd = Optimizers.sgd(lr).withWeightDecay(lambda);
            // step 1: w = w - lr (dL/dw + lambda w); b = b - lr dL/db
            double w0 = W0 - lr * (0.2 + lambda * W0);
            double w1 = W1 - lr * (-0.4 + lambda * W1);
            double b0 = B0 - lr * 0.1;
            assertParameters(afterSteps(Optimizers.sgd(lr).withWeightDecay(lambda), 1), w0, w1, b0);
            // step 2
            w0 = w0 - lr * (-0.1 + lambda * w0);
            w1 = w1 - lr * (0.3 + lambda * w1);
            b0 = b0 - lr * 0.05;
            assertParameters(afterSteps(sgd, 2), w0, w1, b0);
        }
    }

    @Nested
    @DisplayName("momentum with learning rate 0.1 and mu 0.9: v = 0.9 v + dL/dw, w = w - 0.1 v")
    class MomentumSteps {
        final double lr = 0.1;
        final double mu = 0.9;

        @Test
        @DisplayName("after one step moves like SGD, since v starts at 0")
        void oneStep() {
            assertParameters(afterSteps(Optimizers.momentum(lr, mu), 1), W0 - lr * 0.2, W1 - lr * -0.4, B0 - lr * 0.1);
        }

        @Test
        @DisplayName("after two steps carries 0.9 of the first velocity: W = [0.472, -0.954], b = 0.226")
        void twoSteps() {
            double v0 = mu * 0.2 + -0.1;
            double v1 = mu * -0.4 + 0.3;
            double vb = mu * 0.1 + 0.05;
            double w0 = W0 - lr * 0.2 - lr * v0;
            double w1 = W1 - lr * -0.4 - lr * v1;
            double b0 = B0 - lr * 0.1 - lr * vb;
            assertParameters(afterSteps(Optimizers.momentum(lr, mu), 2), w0, w1, b0);
            assertParameters(afterSteps(Optimizers.momentum(lr, mu), 2), 0.472, -0.954, 0.226);
        }

        @Test
        @DisplayName("with weight decay 0.01 decays the weights inside the velocity, and not the bias")
        void weightDecay() {
            double lambda = 0.01;
            // step 1: v = lambda w + dL/dw
            double v0 = 0.2 + lambda * W0;
            double v1 = -0.4 + lambda * W1;
            double vb = 0.1;
            double w0 = W0 - lr * v0;
            double w1 = W1 - lr * v1;
            double b0 = B0 - lr * vb;
            assertParameters(afterSteps(Optimizers.momentum(lr, mu).withWeightDecay(lambda), 1), w0, w1, b0);
            // step 2: v = mu v + dL/dw + lambda w
            v0 = mu * v0 + (-0.1 + lambda * w0);
            v1 = mu * v1 + (0.3 + lambda * w1);
            vb = mu * vb + 0.05;
            w0 = w0 - lr * v0;
            w1 = w1 - lr * v1;
            b0 = b0 - lr * vb;
            assertParameters(afterSteps(Optimizers.momentum(lr, mu).withWeightDecay(lambda), 2), w0, w1, b0);
        }

        @Test
        @DisplayName("forgets its velocity on reset, so the next step moves like a first step")
        void reset() {
            Optimizer momentum = Optimizers.momentum(lr, mu);
            Network net = network();
            setGradients(net, DW_FIRST, DB_FIRST);
            momentum.step(net.parameters());
            momentum.reset();
            setGradients(net, DW_SECOND, DB_SECOND);
            momentum.step(net.parameters());
            assertParameters(net, W0 - lr * 0.2 - lr * -0.1, W1 - lr * -0.4 - lr * 0.3, B0 - lr * 0.1 - lr * 0.05);
        }
    }

    @Nested
    @DisplayName("Adam with learning rate 0.1, beta1 0.9, beta2 0.999, epsilon 1e-8")
    class AdamSteps {
        final double lr = 0.1;
        final double beta1 = 0.9;
        final double beta2 = 0.999;
        final double eps = 1e-8;

        /** One parameter's value after the steps with gradients g (and weight decay lambda). */
        double adam(double w, double[] g, double lambda) {
            double m = 0;
            double v = 0;
            for (int t = 1; t <= g.length; t++) {
                double grad = g[t - 1] + lambda * w;
                m = beta1 * m + (1 - beta1) * grad;
                v = beta2 * v + (1 - beta2) * grad * grad;
                double mHat = m / (1 - Math.pow(beta1, t));
                double vHat = v / (1 - Math.pow(beta2, t));
                w = w - lr * mHat / (Math.sqrt(vHat) + eps);
            }
            return w;
        }

        @Test
        @DisplayName("after one step moves every value by almost exactly the learning rate, against its gradient")
        void oneStep() {
            Network net = afterSteps(Optimizers.adam(lr), 1);
            // m_hat = g and v_hat = g^2, so the step is lr * g / (|g| + eps)
            assertParameters(net, W0 - lr * 0.2 / (0.2 + eps), W1 - lr * -0.4 / (0.4 + eps), B0 - lr * 0.1 / (0.1 + eps));
            assertParameters(net, adam(W0, new double[] {0.2}, 0), adam(W1, new double[] {-0.4}, 0), adam(B0, new double[] {0.1}, 0));
        }

        @Test
        @DisplayName("after two steps uses the bias-corrected averages of both gradients")
        void twoSteps() {
            Network net = afterSteps(Optimizers.adam(lr, beta1, beta2, eps), 2);
            assertParameters(net, adam(W0, new double[] {0.2, -0.1}, 0), adam(W1, new double[] {-0.4, 0.3}, 0),
                    adam(B0, new double[] {0.1, 0.05}, 0));
            // by hand for w0: m = 0.9 * 0.02 + 0.1 * -0.1 = 0.008, v = 0.999 * 4e-5 + 0.001 * 0.01 = 4.996e-5
            double m = 0.008 / (1 - 0.81);
            double v = 4.996e-5 / (1 - 0.998001);
            double w0AfterOne = W0 - lr * 0.2 / (0.2 + eps);
            assertEquals(w0AfterOne - lr * m / (Math.sqrt(v) + eps), weights(net).value(0, 0), 1e-14);
        }

        @Test
        @DisplayName("with weight decay 0.01 decays the weights' gradients, and not the bias's")
        void weightDecay() {
            double lambda = 0.01;
            assertParameters(afterSteps(Optimizers.adam(lr).withWeightDecay(lambda), 1),
                    adam(W0, new double[] {0.2}, lambda), adam(W1, new double[] {-0.4}, lambda), adam(B0, new double[] {0.1}, 0));
            assertParameters(afterSteps(Optimizers.adam(lr).withWeightDecay(lambda), 2),
                    adam(W0, new double[] {0.2, -0.1}, lambda), adam(W1, new double[] {-0.4, 0.3}, lambda),
                    adam(B0, new double[] {0.1, 0.05}, 0));
        }

        @Test
        @DisplayName("restarts its step count and averages on reset")
        void reset() {
            Optimizer adam = Optimizers.adam(lr);
            Network net = network();
            setGradients(net, DW_FIRST, DB_FIRST);
            adam.step(net.parameters());
            adam.reset();
            double w0 = weights(net).value(0, 0);
            setGradients(net, DW_SECOND, DB_SECOND);
            adam.step(net.parameters());
            assertEquals(w0 - lr * -0.1 / (0.1 + eps), weights(net).value(0, 0), EXACT);
        }
    }

    @Nested
    @DisplayName("settings")
    class Settings {

        @Test
        @DisplayName("report the learning rate and weight decay they were given")
        void accessors() {
            Optimizer o = Optimizers.momentum(0.3, 0.5).withWeightDecay(0.02);
            assertEquals(0.3, o.learningRate());
            assertEquals(0.02, o.weightDecay());
            assertEquals(0.0, Optimizers.adam(0.001).weightDecay());
            assertEquals("momentum(lr=0.3, mu=0.5, weightDecay=0.02)", o.name());
            assertEquals("sgd(lr=0.5)", Optimizers.sgd(0.5).toString());
        }

        @Test
        @DisplayName("reject a learning rate that is zero, negative, NaN or infinite, naming it")
        void badLearningRate() {
            for (double lr : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
                for (Runnable make : new Runnable[] {() -> Optimizers.sgd(lr), () -> Optimizers.momentum(lr, 0.9),
                        () -> Optimizers.adam(lr)}) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
                    assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains(String.valueOf(lr)),
                            e::getMessage);
                }
            }
        }

        @Test
        @DisplayName("reject a negative or NaN weight decay")
        void badWeightDecay() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.sgd(0.1).withWeightDecay(-0.01));
            assertTrue(e.getMessage().contains("-0.01"), e::getMessage);
            assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1).withWeightDecay(Double.NaN));
        }

        @Test
        @DisplayName("reject a momentum outside [0, 1)")
        void badMomentum() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, 1.0));
            assertTrue(e.getMessage().contains("1.0"), e::getMessage);
            assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, -0.5));
        }

        @Test
        @DisplayName("reject Adam betas outside [0, 1) and a non-positive epsilon")
        void badAdam() {
            assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1, 1.0, 0.999, 1e-8));
            assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1, 0.9, -0.1, 1e-8));
            assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1, 0.9, 0.999, 0.0));
        }
    }
}
