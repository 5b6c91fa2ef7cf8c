package io.github.backprop.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products with explicit SIMD registers (the incubating Vector API,
 * {@code jdk.incubator.vector}). Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; see {@link MatrixKernels}.
 *
 * <p>The main kernel keeps a tile of C, 8 rows by two vectors (16 columns with AVX-512), in
 * registers while p runs over the whole inner dimension: each step loads two vectors of B,
 * broadcasts eight values of A and does sixteen fused multiply-adds. Every entry of C is
 * {@code fma(A(i,p), B(p,j), sum)} applied in ascending p from 0, in a vector lane or in a scalar
 * loop alike, so the result does not depend on where an entry falls in the tiling or on how the
 * rows are shared between threads.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    /** The width of the SIMD registers used, in bits. */
    static int bits() {
        return S.vectorBitSize();
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = A · Bᵀ, for A n x k from {@code aOffset}, B m x k and
     * C n x m, as dot products along k (no copy of B). Each entry is summed L terms at a time: lane q
     * of a vector adds the terms p = q, q + L, q + 2L, ... with fused multiply-adds, then the lanes
     * are added in order from lane 0, then the last {@code k % L} terms are fused in one by one
     * ({@link #finish}). That order is the same for every entry and every thread.
     */
    static void dotProducts(double[] a, int aOffset, int k, double[] b, int m, double[] c, int from, int to) {
        if (k < L) {
            // not one full vector of terms: the fused multiply-adds one by one, which is what finish() would do
            for (int i = from; i < to; i++) {
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
        double[] lanes = new double[L];
        int blocksEnd = from + (to - from) / 4 * 4;
        int j = 0;
        // four rows of B at a time, outermost, so that they stay in the nearest cache while all rows of A pass by
        for (; j + 3 < m; j += 4) {
            for (int i = from; i < blocksEnd; i += 4) {
                tile4x4(a, aOffset + i * k, b, j * k, k, c, i * m + j, m, lanes);
            }
        }
        for (int i = from; i < to; i++) {
            for (int jj = i < blocksEnd ? j : 0; jj < m; jj++) {
                c[i * m + jj] = dot(a, aOffset + i * k, b, jj * k, k, lanes);
            }
        }
    }

    /** One dot product of k terms, A's row from {@code ai} and B's row from {@code bj}, in the order of {@link #dotProducts}. */
    private static double dot(double[] a, int ai, double[] b, int bj, int k, double[] lanes) {
        DoubleVector sum = DoubleVector.zero(S);
        for (int p = 0; p + L <= k; p += L) {
            sum = DoubleVector.fromArray(S, a, ai + p).fma(DoubleVector.fromArray(S, b, bj + p), sum);
        }
        return finish(sum, a, ai, b, bj, k, lanes);
    }

    /** Adds the lanes of {@code sum} in order from lane 0, then fuses in the last {@code k % L} terms one by one. */
    private static double finish(DoubleVector sum, double[] a, int ai, double[] b, int bj, int k, double[] lanes) {
        sum.intoArray(lanes, 0);
        double total = 0;
        for (int q = 0; q < L; q++) {
            total += lanes[q];
        }
        for (int p = k - k % L; p < k; p++) {
            total = Math.fma(a[ai + p], b[bj + p], total);
        }
        return total;
    }

    /** A 4 x 4 tile of C = A · Bᵀ: A's four rows from {@code ai}, B's four rows from {@code bj}, C's tile at {@code ci}. */
    private static void tile4x4(double[] a, int ai, double[] b, int bj, int k, double[] c, int ci, int m,
                                double[] lanes) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c03 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c13 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c23 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        DoubleVector c33 = c00;
        for (int p = 0; p + L <= k; p += L) {
            DoubleVector a0 = DoubleVector.fromArray(S, a, ai + 0 * k + p);
            DoubleVector a1 = DoubleVector.fromArray(S, a, ai + 1 * k + p);
            DoubleVector a2 = DoubleVector.fromArray(S, a, ai + 2 * k + p);
            DoubleVector a3 = DoubleVector.fromArray(S, a, ai + 3 * k + p);
            DoubleVector b0 = DoubleVector.fromArray(S, b, bj + 0 * k + p);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bj + 1 * k + p);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bj + 2 * k + p);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bj + 3 * k + p);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c[ci + 0 * m + 0] = finish(c00, a, ai + 0 * k, b, bj + 0 * k, k, lanes);
        c[ci + 0 * m + 1] = finish(c01, a, ai + 0 * k, b, bj + 1 * k, k, lanes);
        c[ci + 0 * m + 2] = finish(c02, a, ai + 0 * k, b, bj + 2 * k, k, lanes);
        c[ci + 0 * m + 3] = finish(c03, a, ai + 0 * k, b, bj + 3 * k, k, lanes);
        c[ci + 1 * m + 0] = finish(c10, a, ai + 1 * k, b, bj + 0 * k, k, lanes);
        c[ci + 1 * m + 1] = finish(c11, a, ai + 1 * k, b, bj + 1 * k, k, lanes);
        c[ci + 1 * m + 2] = finish(c12, a, ai + 1 * k, b, bj + 2 * k, k, lanes);
        c[ci + 1 * m + 3] = finish(c13, a, ai + 1 * k, b, bj + 3 * k, k, lanes);
        c[ci + 2 * m + 0] = finish(c20, a, ai + 2 * k, b, bj + 0 * k, k, lanes);
        c[ci + 2 * m + 1] = finish(c21, a, ai + 2 * k, b, bj + 1 * k, k, lanes);
        c[ci + 2 * m + 2] = finish(c22, a, ai + 2 * k, b, bj + 2 * k, k, lanes);
        c[ci + 2 * m + 3] = finish(c23, a, ai + 2 * k, b, bj + 3 * k, k, lanes);
        c[ci + 3 * m + 0] = finish(c30, a, ai + 3 * k, b, bj + 0 * k, k, lanes);
        c[ci + 3 * m + 1] = finish(c31, a, ai + 3 * k, b, bj + 1 * k, k, lanes);
        c[ci + 3 * m + 2] = finish(c32, a, ai + 3 * k, b, bj + 2 * k, k, lanes);
        c[ci + 3 * m + 3] = finish(c33, a, ai + 3 * k, b, bj + 3 * k, k, lanes);
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values. Each sum is then multiplied by {@code scale}.
     */
    static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                        int inner, int m, double scale, double[] c, int from, int to) {
        int blocksEnd = from + (to - from) / 8 * 8;
        int j = 0;
        // 2L columns of B at a time, outermost, so that they stay in the nearest cache while all rows of A pass by
        for (; j + 2 * L <= m; j += 2 * L) {
            for (int i = from; i < blocksEnd; i += 8) {
                tile8x2(a, aOffset + i * aRow, aRow, aCol, b, bOffset + j, ldb, inner, scale, c, i * m + j, m);
            }
        }
        for (; j + L <= m; j += L) {
            for (int i = from; i < blocksEnd; i += 8) {
                tile8x1(a, aOffset + i * aRow, aRow, aCol, b, bOffset + j, ldb, inner, scale, c, i * m + j, m);
            }
        }
        for (int i = from; i < blocksEnd; i++) {
            scalarColumns(a, aOffset + i * aRow, aCol, b, bOffset, ldb, inner, scale, c, i * m, j, m);
        }
        // the rows after the last block of 8, one vector of C at a time
        for (int i = blocksEnd; i < to; i++) {
            int ai = aOffset + i * aRow;
            int jj = 0;
            for (; jj + L <= m; jj += L) {
                DoubleVector sum = DoubleVector.zero(S);
                for (int p = 0; p < inner; p++) {
                    DoubleVector bv = DoubleVector.fromArray(S, b, bOffset + p * ldb + jj);
                    sum = DoubleVector.broadcast(S, a[ai + p * aCol]).fma(bv, sum);
                }
                sum.mul(scale).intoArray(c, i * m + jj);
            }
            scalarColumns(a, ai, aCol, b, bOffset, ldb, inner, scale, c, i * m, jj, m);
        }
    }

    /** Columns {@code from} to {@code to - 1} of one row of C, one fused multiply-add at a time. */
    private static void scalarColumns(double[] a, int ai, int aCol, double[] b, int bOffset, int ldb, int inner,
                                      double scale, double[] c, int ci, int from, int to) {
        for (int j = from; j < to; j++) {
            double sum = 0;
            for (int p = 0; p < inner; p++) {
                sum = Math.fma(a[ai + p * aCol], b[bOffset + p * ldb + j], sum);
            }
            c[ci + j] = sum * scale;
        }
    }

    /** An 8 x 2L tile of C: A's eight rows start at {@code ai}, B's columns at {@code bj}, C's tile at {@code ci}. */
    private static void tile8x2(double[] a, int ai, int aRow, int aCol, double[] b, int bj, int ldb, int inner,
                                double scale, double[] c, int ci, int m) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        for (int p = 0; p < inner; p++) {
            int bp = bj + p * ldb;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            int ap = ai + p * aCol;
            DoubleVector x = DoubleVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ap + aRow]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ap + 2 * aRow]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ap + 3 * aRow]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ap + 4 * aRow]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ap + 5 * aRow]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[ap + 6 * aRow]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[ap + 7 * aRow]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.mul(scale).intoArray(c, ci);
        c01.mul(scale).intoArray(c, ci + L);
        c10.mul(scale).intoArray(c, ci + m);
        c11.mul(scale).intoArray(c, ci + m + L);
        c20.mul(scale).intoArray(c, ci + 2 * m);
        c21.mul(scale).intoArray(c, ci + 2 * m + L);
        c30.mul(scale).intoArray(c, ci + 3 * m);
        c31.mul(scale).intoArray(c, ci + 3 * m + L);
        c40.mul(scale).intoArray(c, ci + 4 * m);
        c41.mul(scale).intoArray(c, ci + 4 * m + L);
        c50.mul(scale).intoArray(c, ci + 5 * m);
        c51.mul(scale).intoArray(c, ci + 5 * m + L);
        c60.mul(scale).intoArray(c, ci + 6 * m);
        c61.mul(scale).intoArray(c, ci + 6 * m + L);
        c70.mul(scale).intoArray(c, ci + 7 * m);
        c71.mul(scale).intoArray(c, ci + 7 * m + L);
    }

    /** An 8 x L tile of C, for the columns left over after the 8 x 2L tiles. */
    private static void tile8x1(double[] a, int ai, int aRow, int aCol, double[] b, int bj, int ldb, int inner,
                                double scale, double[] c, int ci, int m) {
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector c6 = c0;
        DoubleVector c7 = c0;
        for (int p = 0; p < inner; p++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bj + p * ldb);
            int ap = ai + p * aCol;
            c0 = DoubleVector.broadcast(S, a[ap]).fma(bv, c0);
            c1 = DoubleVector.broadcast(S, a[ap + aRow]).fma(bv, c1);
            c2 = DoubleVector.broadcast(S, a[ap + 2 * aRow]).fma(bv, c2);
            c3 = DoubleVector.broadcast(S, a[ap + 3 * aRow]).fma(bv, c3);
            c4 = DoubleVector.broadcast(S, a[ap + 4 * aRow]).fma(bv, c4);
            c5 = DoubleVector.broadcast(S, a[ap + 5 * aRow]).fma(bv, c5);
            c6 = DoubleVector.broadcast(S, a[ap + 6 * aRow]).fma(bv, c6);
            c7 = DoubleVector.broadcast(S, a[ap + 7 * aRow]).fma(bv, c7);
        }
        c0.mul(scale).intoArray(c, ci);
        c1.mul(scale).intoArray(c, ci + m);
        c2.mul(scale).intoArray(c, ci + 2 * m);
        c3.mul(scale).intoArray(c, ci + 3 * m);
        c4.mul(scale).intoArray(c, ci + 4 * m);
        c5.mul(scale).intoArray(c, ci + 5 * m);
        c6.mul(scale).intoArray(c, ci + 6 * m);
        c7.mul(scale).intoArray(c, ci + 7 * m);
    }
}
