package io.github.backprop.math;

/**
 * Small products with fused multiply-adds, one row of C at a time, in loops the JIT vectorises by
 * itself. Used with the Vector API kernels, for the products too small to share between threads:
 * while {@link VectorKernels}' tiles are not yet compiled by the JIT's optimising compiler they run
 * tens of times slower than these loops, and a small network (W2 in the benchmark) would spend its
 * first hundreds of steps waiting for them.
 *
 * <p>Every entry is {@code fma(A(i,p), B(p,j), sum)} applied in ascending p from 0, then multiplied
 * by the scale: the same bit for bit as the tiles, so which of the two computes a product never
 * changes its result. The loop along a row of C reads a copy of B's row p and a row of sums at the
 * same index, the only form in which the JIT (C2, JDK 17) can prove that the arrays do not overlap
 * and use SIMD registers.
 */
final class RowKernels {
    /** Products with fewer entries than this are summed one entry at a time, without copying B. */
    static final int TINY = 32;

    private RowKernels() {
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = s · A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values.
     */
    static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner,
                        int m, double scale, double[] c, int from, int to) {
        if ((to - from) * m < TINY) {
            // a few entries (W1's products are all this small): no copies, one sum at a time
            for (int i = from; i < to; i++) {
                for (int j = 0; j < m; j++) {
                    double sum = 0;
                    for (int p = 0; p < inner; p++) {
                        sum = Math.fma(a[aOffset + i * aRow + p * aCol], b[bOffset + p * ldb + j], sum);
                    }
                    c[i * m + j] = sum * scale;
                }
            }
            return;
        }
        double[][] rowsOfB = SCRATCH.get().rows(inner, m);
        for (int p = 0; p < inner; p++) {
            System.arraycopy(b, bOffset + p * ldb, rowsOfB[p], 0, m);
        }
        rows(a, aOffset, aRow, aCol, rowsOfB, inner, m, scale, c, from, to);
    }

    /** C = A · Bᵀ, for A n x k from {@code aOffset}, B m x k and C n x m (z = a_prev · Wᵀ). */
    static void transposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        if (n * m < TINY) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a[aOffset + i * k + p], b[j * k + p], sum);
                    }
                    c[i * m + j] = sum;
                }
            }
            return;
        }
        double[][] rowsOfBT = SCRATCH.get().rows(k, m);
        // Bᵀ's row p is B's column p: rowsOfBT[p][j] = B(j, p)
        for (int j = 0; j < m; j++) {
            int bj = j * k;
            for (int p = 0; p < k; p++) {
                rowsOfBT[p][j] = b[bj + p];
            }
        }
        rows(a, aOffset, k, 1, rowsOfBT, k, m, 1.0, c, 0, n);
    }

    private static void rows(double[] a, int aOffset, int aRow, int aCol, double[][] rowsOfB, int inner, int m,
                             double scale, double[] c, int from, int to) {
        double[] sums = SCRATCH.get().sums(m);
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(sums, 0, m, 0.0);
            int ai = aOffset + i * aRow;
            for (int p = 0; p < inner; p++) {
                double x = a[ai + p * aCol];
                double[] row = rowsOfB[p];
                for (int j = 0; j < m; j++) {
                    sums[j] = Math.fma(x, row[j], sums[j]);
                }
            }
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                c[ci + j] = sums[j] * scale;
            }
        }
    }

    /** Per-thread copies of B's rows and a row of sums, grown as needed. */
    private static final class Scratch {
        private double[][] rows = new double[0][];
        private double[] sums = new double[0];

        double[][] rows(int count, int length) {
            int width = rows.length == 0 ? 0 : rows[0].length;
            if (rows.length < count || width < length) {
                rows = new double[Math.max(count, rows.length)][Math.max(length, width)];
            }
            return rows;
        }

        double[] sums(int length) {
            if (sums.length < length) {
                sums = new double[length];
            }
            return sums;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
