package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.internal.kernel.Kernels;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dense layer's loops (z = W a_prev + b, the sums passed down, dW) are the reference: every way
 * the fast kernels can compute (plain row loops, alone and threaded; with the Vector API the fused
 * row loops, the tiles, and the tiles threaded) is compared with them. The plain kernels must give
 * the same numbers bit for bit; the fused ones, which round once per term instead of twice, must
 * agree within the rounding error bound of a sum of k products, 2 k u sum |terms| (u = 2^-53),
 * which any wrong term or index exceeds by far.
 */
@DisplayName("The fast kernels compute the dense layer's loops")
class DenseLayerKernelsTest {
    private static final double U = Math.ulp(1.0) / 2;

    /** Batch rows, inputs and neurons: tiny, W1, W2's layers and last batch, odd sizes, W3's layers, and sizes past every tile edge. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {4, 2, 2}, {4, 2, 1}, {32, 64, 32}, {32, 32, 10}, {29, 64, 32}, {13, 129, 30}, {3, 5, 7},
        {64, 784, 128}, {64, 128, 10}, {17, 40, 33}, {9, 300, 20},
    };

    static List<Kernels> paths() {
        return Kernels.everyPath();
    }

    private static double[] random(int size, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    private static DenseLayer layer(int inputs, int outputs, long seed) {
        DenseLayer layer = new DenseLayer(1, inputs, outputs, Activations.sigmoid());
        System.arraycopy(random(inputs * outputs, seed), 0, layer.weights().valueArray(), 0, inputs * outputs);
        System.arraycopy(random(outputs, seed + 1), 0, layer.biases().valueArray(), 0, outputs);
        return layer;
    }

    /** Same bits for unfused kernels; for fused ones, within 2 (k + 2) u times each entry's sum of |terms|. */
    private static void assertSameSums(Kernels fast, double[] reference, double[] actual, double[] magnitudes, int k,
                                       String what) {
        if (!fast.fused()) {
            assertArrayEquals(reference, actual, what + ": " + fast + " gives the loops' numbers bit for bit");
            return;
        }
        for (int i = 0; i < reference.length; i++) {
            double bound = 2 * (k + 2) * U * magnitudes[i];
            if (!(Math.abs(reference[i] - actual[i]) <= bound)) {
                fail(what + "[" + i + "]: " + fast + " gives " + actual[i] + ", the loops " + reference[i]
                        + ", more apart than rounding allows (" + bound + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("z = W a_prev + b, read from an offset into a_prev")
    void weightedInputs(Kernels fast) {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int out = shape[2];
            DenseLayer layer = layer(in, out, 1);
            int offset = 3;
            double[] aPrev = random(offset + rows * in, 2);
            double[] reference = new double[rows * out];
            layer.weightedInputs(null, aPrev, offset, rows, reference);
            double[] actual = random(rows * out, 3);
            layer.weightedInputs(fast, aPrev, offset, rows, actual);
            double[] w = layer.weights().valueArray();
            double[] b = layer.biases().valueArray();
            double[] magnitudes = new double[rows * out];
            for (int n = 0; n < rows; n++) {
                for (int j = 0; j < out; j++) {
                    double s = Math.abs(b[j]);
                    for (int i = 0; i < in; i++) {
                        s += Math.abs(w[j * in + i] * aPrev[offset + n * in + i]);
                    }
                    magnitudes[n * out + j] = s;
                }
            }
            assertSameSums(fast, reference, actual, magnitudes, in, "z of " + rows + "x" + in + "->" + out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("sum_j = sum_k w_kj * delta_k, for every sample")
    void backpropagatedSums(Kernels fast) {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int out = shape[2];
            DenseLayer layer = layer(in, out, 4);
            double[] delta = random(rows * out, 5);
            double[] reference = new double[rows * in];
            layer.backpropagatedSums(null, delta, rows, reference);
            double[] actual = random(rows * in, 6);
            layer.backpropagatedSums(fast, delta, rows, actual);
            double[] w = layer.weights().valueArray();
            double[] magnitudes = new double[rows * in];
            for (int n = 0; n < rows; n++) {
                for (int j = 0; j < in; j++) {
                    for (int k = 0; k < out; k++) {
                        magnitudes[n * in + j] += Math.abs(w[k * in + j] * delta[n * out + k]);
                    }
                }
            }
            assertSameSums(fast, reference, actual, magnitudes, out, "sums of " + rows + "x" + in + "->" + out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("dW = delta a_prevᵀ averaged over the batch, read from an offset into a_prev")
    void weightGradients(Kernels fast) {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int out = shape[2];
            DenseLayer layer = layer(in, out, 7);
            int offset = 2;
            double[] aPrev = random(offset + rows * in, 8);
            double[] delta = random(rows * out, 9);
            layer.weightGradients(null, aPrev, offset, delta, rows);
            double[] reference = layer.weights().gradientArray().clone();
            java.util.Arrays.fill(layer.weights().gradientArray(), Double.NaN);
            layer.weightGradients(fast, aPrev, offset, delta, rows);
            double[] actual = layer.weights().gradientArray().clone();
            double[] magnitudes = new double[out * in];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    for (int n = 0; n < rows; n++) {
                        magnitudes[j * in + i] += Math.abs(delta[n * out + j] * aPrev[offset + n * in + i]) / rows;
                    }
                }
            }
            assertSameSums(fast, reference, actual, magnitudes, rows, "dW of " + rows + "x" + in + "->" + out);
        }
    }

    @Test
    @DisplayName("training uses the kernels the library chose for this JVM (the Vector API ones, as the build runs the tests)")
    void trainingUsesTheChosenKernels() {
        assertSame(Kernels.chosen(), Kernels.fast());
        assertTrue(Kernels.chosen().description().startsWith("vector"), Kernels.chosen().description());
        assertEquals(Kernels.chosen().fused(), true);
    }

    @Test
    @DisplayName("the public forward, backpropagate and gradients give what their loops with the chosen kernels give")
    void publicMethodsUseTheChosenKernels() {
        DenseLayer layer = layer(64, 32, 10);
        int rows = 32;
        double[] aPrev = random(rows * 64, 11);
        double[] z = new double[rows * 32];
        double[] a = new double[rows * 32];
        layer.forward(aPrev, 0, rows, z, a);
        double[] expected = new double[rows * 32];
        layer.weightedInputs(Kernels.chosen(), aPrev, 0, rows, expected);
        assertArrayEquals(expected, z);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Activations.sigmoid().value(z[i]), a[i], "a = f(z)");
        }
        double[] delta = random(rows * 32, 12);
        double[] sum = new double[rows * 64];
        layer.backpropagate(delta, aPrev, 0, rows, sum);
        double[] expectedSum = new double[rows * 64];
        layer.backpropagatedSums(Kernels.chosen(), delta, rows, expectedSum);
        assertArrayEquals(expectedSum, sum);
        layer.gradients(aPrev, 0, z, delta, rows);
        double[] dW = layer.weights().gradientArray().clone();
        double[] db = layer.biases().gradientArray().clone();
        layer.weightGradients(Kernels.chosen(), aPrev, 0, delta, rows);
        assertArrayEquals(layer.weights().gradientArray(), dW);
        for (int j = 0; j < 32; j++) {
            double s = 0;
            for (int n = 0; n < rows; n++) {
                s += delta[n * 32 + j];
            }
            assertEquals(s * (1.0 / rows), db[j], "db_" + j);
        }
    }
}
