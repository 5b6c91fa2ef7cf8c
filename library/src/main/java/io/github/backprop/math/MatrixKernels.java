package io.github.backprop.math;

/**
 * In-place matrix products on plain row-major {@code double[]} arrays: the only place where the
 * training loop's heavy arithmetic happens.
 *
 * <p>Layers, activations and losses say <em>what</em> is computed, with the equation above each
 * call; these kernels say <em>how fast</em>. Each method writes its result into the output array
 * given last and modifies nothing else. Arrays may be longer than needed; only the leading
 * {@code rows * cols} values (after the offset) are read or written. Output arrays must not
 * overlap the inputs.
 *
 * <p>Shapes use the names of the textbook product: {@code A} is n x k, {@code B} as stated,
 * {@code C} the result.
 */
public final class MatrixKernels {
    private MatrixKernels() {
    }

    /**
     * C = A · Bᵀ, with A n x k (from {@code aOffset}), B m x k and C n x m. Used for z = a_prev · Wᵀ.
     *
     * @param a left matrix, read from {@code aOffset}
     * @param aOffset index of A's first value
     * @param n rows of A
     * @param k columns of A and B
     * @param b right matrix (m x k), read
     * @param m rows of B
     * @param c result (n x m), overwritten
     */
    public static void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        if (n < 8 || m * k < 64) {
            // few rows or a tiny B: dot products, no copy of B
            for (int i = 0; i < n; i++) {
                int ai = aOffset + i * k;
                for (int j = 0; j < m; j++) {
                    int bj = j * k;
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                    c[i * m + j] = sum;
                }
            }
            return;
        }
        // Many rows: copy Bᵀ once (k x m) so the inner loop runs along a row of C, which the JIT
        // vectorises; a dot product's running sum cannot be vectorised without changing its rounding.
        double[] bT = scratch(k * m);
        for (int j = 0; j < m; j++) {
            int bj = j * k;
            for (int p = 0; p < k; p++) {
                bT[p * m + j] = b[bj + p];
            }
        }
        java.util.Arrays.fill(c, 0, n * m, 0.0);
        int i = 0;
        // four rows of C at a time: each row of Bᵀ is loaded once for four multiply-adds
        for (; i + 3 < n; i += 4) {
            int a0 = aOffset + i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int c0 = i * m;
            int c1 = c0 + m;
            int c2 = c1 + m;
            int c3 = c2 + m;
            for (int p = 0; p < k; p++) {
                double x0 = a[a0 + p];
                double x1 = a[a1 + p];
                double x2 = a[a2 + p];
                double x3 = a[a3 + p];
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    double bv = bT[bp + j];
                    c[c0 + j] += x0 * bv;
                    c[c1 + j] += x1 * bv;
                    c[c2 + j] += x2 * bv;
                    c[c3 + j] += x3 * bv;
                }
            }
        }
        for (; i < n; i++) {
            int ai = aOffset + i * k;
            int ci = i * m;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += aip * bT[bp + j];
                }
            }
        }
    }

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    /** A per-thread work array of at least {@code size} values (contents undefined). */
    private static double[] scratch(int size) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        return holder[0];
    }

    /**
     * C = A · B, with A n x k, B k x m and C n x m. Used for the backpropagated sum delta · W.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A
     * @param k columns of A, rows of B
     * @param b right matrix (k x m), read
     * @param m columns of B
     * @param c result (n x m), overwritten
     */
    public static void multiply(double[] a, int n, int k, double[] b, int m, double[] c) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                c[ci + j] = 0;
            }
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /**
     * C = Aᵀ · B, with A n x k, B n x m (from {@code bOffset}) and C k x m. Used for
     * dW = deltaᵀ · a_prev, a sum over the samples of a batch.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A and B
     * @param k columns of A
     * @param b right matrix, read from {@code bOffset}
     * @param bOffset index of B's first value
     * @param m columns of B
     * @param c result (k x m), overwritten
     */
    public static void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double[] c) {
        java.util.Arrays.fill(c, 0, k * m, 0.0);
        int i = 0;
        // four rows of C at a time: each row of B is loaded once for four multiply-adds
        for (; i + 3 < k; i += 4) {
            int c0 = i * m;
            int c1 = c0 + m;
            int c2 = c1 + m;
            int c3 = c2 + m;
            for (int s = 0; s < n; s++) {
                int as = s * k + i;
                double x0 = a[as];
                double x1 = a[as + 1];
                double x2 = a[as + 2];
                double x3 = a[as + 3];
                int bs = bOffset + s * m;
                for (int j = 0; j < m; j++) {
                    double bv = b[bs + j];
                    c[c0 + j] += x0 * bv;
                    c[c1 + j] += x1 * bv;
                    c[c2 + j] += x2 * bv;
                    c[c3 + j] += x3 * bv;
                }
            }
        }
        for (; i < k; i++) {
            int ci = i * m;
            for (int s = 0; s < n; s++) {
                double asi = a[s * k + i];
                int bs = bOffset + s * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += asi * b[bs + j];
                }
            }
        }
    }

    /**
     * Adds a row vector to every row: C[i][j] += v[j], for C n x m.
     *
     * @param c matrix (n x m), modified
     * @param n rows
     * @param m columns
     * @param v row vector of length m, read
     */
    public static void addRowVector(double[] c, int n, int m, double[] v) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                c[ci + j] += v[j];
            }
        }
    }

    /**
     * Column sums: out[j] = sum_i A[i][j], for A n x m.
     *
     * @param a matrix (n x m), read
     * @param n rows
     * @param m columns
     * @param out sums (length m), overwritten
     */
    public static void sumRows(double[] a, int n, int m, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0.0);
        for (int i = 0; i < n; i++) {
            int ai = i * m;
            for (int j = 0; j < m; j++) {
                out[j] += a[ai + j];
            }
        }
    }

    /**
     * Multiplies the first {@code count} values by {@code factor}.
     *
     * @param x values, modified
     * @param count how many values
     * @param factor the multiplier
     */
    public static void scale(double[] x, int count, double factor) {
        for (int i = 0; i < count; i++) {
            x[i] *= factor;
        }
    }
}
