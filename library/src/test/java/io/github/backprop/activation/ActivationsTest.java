package io.github.backprop.activation;

import io.github.backprop.internal.kernel.Kernels;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Activations")
class ActivationsTest {

    /** f'(z) from f'(z, f(z)), the way backpropagation calls it. */
    static double derivative(Activation f, double z) {
        return f.derivative(z, f.value(z));
    }

    @Nested
    @DisplayName("value and derivative")
    class ValueAndDerivative {

        @Test
        @DisplayName("sigmoid: 1/(1 + e^-z) and sigma(1 - sigma), 0.5 and 0.25 at z = 0")
        void sigmoid() {
            Activation f = Activations.sigmoid();
            assertEquals(0.5, f.value(0));
            assertEquals(0.25, derivative(f, 0));
            assertEquals(1 / (1 + Math.exp(-2.0)), f.value(2), 0.0);
            assertEquals(f.value(2) * (1 - f.value(2)), derivative(f, 2), 0.0);
        }

        @Test
        @DisplayName("tanh: tanh(z) and 1 - tanh(z)^2")
        void tanh() {
            Activation f = Activations.tanh();
            assertEquals(StrictMath.tanh(-0.7), f.value(-0.7), 0.0);
            assertEquals(1 - StrictMath.tanh(-0.7) * StrictMath.tanh(-0.7), derivative(f, -0.7), 0.0);
        }

        @Test
        @DisplayName("relu: max(0, z), with derivative 1 above 0 and 0 at and below 0")
        void relu() {
            Activation f = Activations.relu();
            assertEquals(3.0, f.value(3));
            assertEquals(0.0, f.value(-3));
            assertEquals(1.0, derivative(f, 3));
            assertEquals(0.0, derivative(f, 0));
            assertEquals(0.0, derivative(f, -3));
        }

        @Test
        @DisplayName("leaky relu: slope alpha below 0 (0.01 by default)")
        void leakyRelu() {
            Activation f = Activations.leakyRelu(0.1);
            assertEquals(-0.3, f.value(-3), 1e-15);
            assertEquals(2.0, f.value(2));
            assertEquals(0.1, derivative(f, -3));
            assertEquals(1.0, derivative(f, 2));
            assertEquals(0.01, ((LeakyRelu) Activations.leakyRelu()).alpha());
        }

        @Test
        @DisplayName("identity: z and 1")
        void identity() {
            Activation f = Activations.identity();
            assertEquals(-4.5, f.value(-4.5));
            assertEquals(1.0, derivative(f, -4.5));
        }
    }

    @Nested
    @DisplayName("on a batch")
    class Batch {

        @ParameterizedTest(name = "{0} x {1}")
        @CsvSource({"1,3", "63,64", "64,64", "101,129"})
        @DisplayName("applies f to every entry exactly as value(z) does, whether the batch is small or shared between threads, and writes nothing past it")
        void everyEntry(int rows, int cols) {
            int n = rows * cols;
            assertEquals(Kernels.chosen().sharesElementwise(n), rows >= 64, "the larger batches are shared");
            for (Activation f : new Activation[] {Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                    Activations.leakyRelu(0.1), Activations.identity()}) {
                SplitMix64 random = new SplitMix64(n);
                double[] z = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = 8 * random.nextDouble() - 4;
                }
                double[] a = new double[n + 3];
                Arrays.fill(a, 7.0);
                f.forward(z, a, rows, cols);
                for (int i = 0; i < n; i++) {
                    assertEquals(f.value(z[i]), a[i], 0.0, f + ", entry " + i);
                }
                assertArrayEquals(new double[] {7, 7, 7}, Arrays.copyOfRange(a, n, n + 3), f + ": past the batch");
            }
        }
    }

    @Nested
    @DisplayName("softmax")
    class SoftmaxRows {

        @Test
        @DisplayName("gives each row positive values that sum to 1, e^z_i / sum_j e^z_j")
        void rows() {
            double[] z = {1, 2, 3, 0, 0, 0};
            double[] a = new double[6];
            Activations.softmax().forward(z, a, 2, 3);
            double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
            assertArrayEquals(new double[] {Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum, 1.0 / 3, 1.0 / 3, 1.0 / 3}, a, 1e-15);
        }

        @Test
        @DisplayName("stays finite for huge z, because the row's max is subtracted first")
        void stable() {
            double[] a = new double[2];
            Activations.softmax().forward(new double[] {1000, 1000}, a, 1, 2);
            assertArrayEquals(new double[] {0.5, 0.5}, a, 0.0);
        }

        @Test
        @DisplayName("multiplies by its Jacobian in backward: delta_i = a_i (dL/da_i - sum_j a_j dL/da_j)")
        void backward() {
            double[] a = {0.2, 0.3, 0.5};
            double[] dLda = {1, -2, 0.5};
            double[] delta = new double[3];
            Activations.softmax().backward(new double[3], a, dLda, delta, 1, 3);
            double dot = 0.2 * 1 + 0.3 * -2 + 0.5 * 0.5;
            assertArrayEquals(new double[] {0.2 * (1 - dot), 0.3 * (-2 - dot), 0.5 * (0.5 - dot)}, delta, 1e-15);
        }

        @Test
        @DisplayName("is not elementwise, and refuses single-neuron value and derivative")
        void notElementwise() {
            Activation f = Activations.softmax();
            assertFalse(f.isElementwise());
            assertTrue(Activations.sigmoid().isElementwise());
            assertThrows(UnsupportedOperationException.class, () -> f.value(1));
            assertThrows(UnsupportedOperationException.class, () -> f.derivative(1, 0.5));
        }
    }

    @Test
    @DisplayName("leaky relu rejects a slope outside [0, 1), naming it")
    void leakySlope() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(1.5));
        assertEquals("leaky ReLU slope alpha must be in [0, 1), got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(Double.NaN));
    }
}
