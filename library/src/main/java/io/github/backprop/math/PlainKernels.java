package io.github.backprop.math;

/**
 * The matrix products as plain loops, which the JIT vectorises along the rows of C. Used when the
 * JVM runs without the incubating Vector API ({@link VectorKernels}).
 *
 * <p>Every entry of C is the sum over p of A(i,p)·B(p,j), added in ascending p from 0 with a
 * separate multiply and add, so the result is the same bit for bit as the textbook triple loop,
 * whatever the blocking and however the rows are shared between threads.
 */
final class PlainKernels {
    private PlainKernels() {
    }

    /**
     * C = A · Bᵀ by dot products (no copy of B), for A n x k from {@code aOffset}, B m x k, C n x m.
     */
    static void dotProducts(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
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
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values. Each sum is then multiplied by {@code scale}.
     */
    static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                        int inner, int m, double scale, double[] c, int from, int to) {
        java.util.Arrays.fill(c, from * m, to * m, 0.0);
        int i = from;
        // four rows of C at a time: each row of B is loaded once for four multiply-adds
        for (; i + 3 < to; i += 4) {
            int a0 = aOffset + i * aRow;
            int a1 = a0 + aRow;
            int a2 = a1 + aRow;
            int a3 = a2 + aRow;
            int c0 = i * m;
            int c1 = c0 + m;
            int c2 = c1 + m;
            int c3 = c2 + m;
            for (int p = 0; p < inner; p++) {
                int ap = p * aCol;
                double x0 = a[a0 + ap];
                double x1 = a[a1 + ap];
                double x2 = a[a2 + ap];
                double x3 = a[a3 + ap];
                int bp = bOffset + p * ldb;
                for (int j = 0; j < m; j++) {
                    double bv = b[bp + j];
                    c[c0 + j] += x0 * bv;
                    c[c1 + j] += x1 * bv;
                    c[c2 + j] += x2 * bv;
                    c[c3 + j] += x3 * bv;
                }
            }
        }
        for (; i < to; i++) {
            int ai = aOffset + i * aRow;
            int ci = i * m;
            for (int p = 0; p < inner; p++) {
                double aip = a[ai + p * aCol];
                int bp = bOffset + p * ldb;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
        if (scale != 1.0) {
            for (int e = from * m; e < to * m; e++) {
                c[e] *= scale;
            }
        }
    }
}
