package io.github.backprop.math;

import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The fast matrix kernels agree with the straightforward triple loops")
class MatrixKernelsTest {

    static double[] random(int size, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    static void assertClose(double[] expected, double[] actual, int count, int k) {
        for (int i = 0; i < count; i++) {
            assertEquals(expected[i], actual[i], 1e-13 * Math.max(1, k), "entry " + i);
        }
    }

    @ParameterizedTest(name = "n={0}, k={1}, m={2}, offset={3}")
    @CsvSource({"1,1,1,0", "1,7,3,2", "3,5,1,0", "4,4,4,1", "5,3,7,3", "7,13,11,0", "33,64,32,5", "64,100,10,0", "17,1,9,4"})
    @DisplayName("C = A · Bᵀ on odd and tiny shapes, with an offset into A")
    void multiplyTransposedB(int n, int k, int m, int offset) {
        double[] a = random(offset + n * k, 1);
        double[] b = random(m * k, 2);
        double[] expected = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * m + j] += a[offset + i * k + p] * b[j * k + p];
                }
            }
        }
        double[] c = random(n * m + 3, 9);
        MatrixKernels.multiplyTransposedB(a, offset, n, k, b, m, c);
        assertClose(expected, c, n * m, k);
    }

    @ParameterizedTest(name = "n={0}, k={1}, m={2}, offset={3}")
    @CsvSource({"1,1,1,0", "1,7,3,2", "3,5,1,0", "4,4,4,1", "5,3,7,3", "7,13,11,0", "33,64,32,5", "64,10,100,0", "2,9,1,4"})
    @DisplayName("C = Aᵀ · B on odd and tiny shapes, with an offset into B")
    void multiplyTransposedA(int n, int k, int m, int offset) {
        double[] a = random(n * k, 3);
        double[] b = random(offset + n * m, 4);
        double[] expected = new double[k * m];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                for (int s = 0; s < n; s++) {
                    expected[i * m + j] += a[s * k + i] * b[offset + s * m + j];
                }
            }
        }
        double[] c = random(k * m, 9);
        MatrixKernels.multiplyTransposedA(a, n, k, b, offset, m, c);
        assertClose(expected, c, k * m, n);
    }

    @ParameterizedTest(name = "n={0}, k={1}, m={2}")
    @CsvSource({"1,1,1", "2,3,5", "7,13,11", "64,10,128", "5,1,3"})
    @DisplayName("C = A · B on odd and tiny shapes")
    void multiply(int n, int k, int m) {
        double[] a = random(n * k, 5);
        double[] b = random(k * m, 6);
        double[] expected = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * m + j] += a[i * k + p] * b[p * m + j];
                }
            }
        }
        double[] c = random(n * m, 9);
        MatrixKernels.multiply(a, n, k, b, m, c);
        assertClose(expected, c, n * m, k);
    }
}
