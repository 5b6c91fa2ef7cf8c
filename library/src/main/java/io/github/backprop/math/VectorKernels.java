package io.github.backprop.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products with explicit SIMD registers (the incubating Vector API,
 * {@code jdk.incubator.vector}). Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; see {@link MatrixKernels}.
 *
 * <p>For C = A · B and C = Aᵀ · B ({@link #product}) a tile of C, 8 rows by two vectors (16
 * columns with AVX-512), stays in registers while p runs over the whole inner dimension: each step
 * loads two vectors of B, broadcasts eight values of A and does sixteen fused multiply-adds. Every
 * entry is {@code fma(A(i,p), B(p,j), sum)} applied in ascending p from 0, in a vector lane or in a
 * scalar loop alike. For C = A · Bᵀ ({@link #dotProducts}) each entry is a dot product summed in
 * lanes, in an order given there. Either way the result does not depend on where an entry falls in
 * the tiling or on how the work is shared between threads.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    /** The number of doubles in one SIMD register. */
    static int lanes() {
        return L;
    }

    /** The width of the SIMD registers used, in bits. */
    static int bits() {
        return S.vectorBitSize();
    }

    /**
     * Columns {@code jFrom} to {@code jTo - 1} of C = A · Bᵀ, for A n x k from {@code aOffset}, B m x k
     * and C n x m, as dot products along k (no copy of B). Each entry is summed L terms at a time:
     * lane q of a vector adds the terms p = q, q + L, q + 2L, ... with fused multiply-adds, then the
     * lanes are added in order from lane 0, then the last {@code k % L} terms are fused in one by one
     * ({@link #finish}). That order is the same for every entry and every thread.
     */
    static void dotProducts(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c, int jFrom, int jTo) {
        if (k < L) {
            // not one full vector of terms: the fused multiply-adds one by one, which is what finish() would do
            for (int i = 0; i < n; i++) {
                for (int j = jFrom; j < jTo; j++) {
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
        int blocksEnd = n / 4 * 4;
        int j = jFrom;
        // four rows of B at a time, outermost, so that they stay in the nearest cache while all rows of A pass by
        for (; j + 3 < jTo; j += 4) {
            for (int i = 0; i < blocksEnd; i += 4) {
                tile4x4(a, aOffset + i * k, b, j * k, k, c, i * m + j, m, lanes);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int jj = i < blocksEnd ? j : jFrom; jj < jTo; jj++) {
                c[i * m + jj] = dot(a, aOffset + i * k, b, jj * k, k, lanes);
            }
        }
    }

    /**
     * One dot product of k terms, A's row from {@code ai} and B's row from {@code bj}, in the order of
     * {@link #dotProducts}, in scalar code: it computes the leftover rows and columns, which are
     * called too rarely for the JIT to compile Vector API calls early (uncompiled, they run many
     * times slower than scalar code).
     */
    private static double dot(double[] a, int ai, double[] b, int bj, int k, double[] lanes) {
        java.util.Arrays.fill(lanes, 0.0);
        int full = k - k % L;
        for (int p = 0; p < full; p += L) {
            for (int q = 0; q < L; q++) {
                lanes[q] = Math.fma(a[ai + p + q], b[bj + p + q], lanes[q]);
            }
        }
        return finish(lanes, a, ai, b, bj, k);
    }

    /** Adds the lanes of {@code sum} in order from lane 0, then fuses in the last {@code k % L} terms one by one. */
    private static double finish(DoubleVector sum, double[] a, int ai, double[] b, int bj, int k, double[] lanes) {
        sum.intoArray(lanes, 0);
        return finish(lanes, a, ai, b, bj, k);
    }

    private static double finish(double[] lanes, double[] a, int ai, double[] b, int bj, int k) {
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
     * Rows {@code from} to {@code to - 1} of C = s · A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values, and each sum is multiplied by {@code scale} as it is stored.
     *
     * <p>Like an optimised BLAS, it first copies ("packs") A's rows, eight at a time, and then each
     * panel of 2L columns of B into small contiguous arrays, so that the tile reads both at unit
     * stride: the JIT then drops the bounds checks from the inner loop, and the panel stays in the
     * nearest cache while every block of rows of A passes by.
     */
    static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                        int inner, int m, double scale, double[] c, int from, int to) {
        int blocks = (to - from) / 8;
        if (blocks == 0 || m < 2 * L) {
            // not one whole tile: nothing to pack, every entry in scalar code (as for the leftovers below)
            for (int i = from; i < to; i++) {
                scalarColumns(a, aOffset + i * aRow, aCol, b, bOffset, ldb, inner, scale, c, i * m, 0, m);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        double[] packedA = scratch.packedA(blocks * 8 * inner);
        // packedA[(block * inner + p) * 8 + r] = A(from + 8 block + r, p)
        for (int block = 0; block < blocks; block++) {
            for (int p = 0; p < inner; p++) {
                int dst = (block * inner + p) * 8;
                int src = aOffset + (from + block * 8) * aRow + p * aCol;
                for (int r = 0; r < 8; r++) {
                    packedA[dst + r] = a[src + r * aRow];
                }
            }
        }
        double[] panel = scratch.panel(inner * 2 * L);
        int j = 0;
        for (; j + 2 * L <= m; j += 2 * L) {
            // panel[p * 2L + q] = B(p, j + q)
            for (int p = 0; p < inner; p++) {
                System.arraycopy(b, bOffset + p * ldb + j, panel, p * 2 * L, 2 * L);
            }
            for (int block = 0; block < blocks; block++) {
                tile8x2(packedA, block * inner * 8, panel, inner, scale, c, (from + block * 8) * m + j, m);
            }
        }
        // The leftover columns, and the rows after the last block of 8, in scalar code: they are called
        // too rarely for the JIT to compile Vector API calls early (uncompiled, those run many times slower).
        int blocksEnd = from + blocks * 8;
        for (int i = from; i < blocksEnd; i++) {
            scalarColumns(a, aOffset + i * aRow, aCol, b, bOffset, ldb, inner, scale, c, i * m, j, m);
        }
        for (int i = blocksEnd; i < to; i++) {
            scalarColumns(a, aOffset + i * aRow, aCol, b, bOffset, ldb, inner, scale, c, i * m, 0, m);
        }
    }

    /** Per-thread packing arrays, grown as needed. */
    private static final class Scratch {
        private double[] packedA = new double[0];
        private double[] panel = new double[0];

        double[] packedA(int size) {
            if (packedA.length < size) {
                packedA = new double[size];
            }
            return packedA;
        }

        double[] panel(int size) {
            if (panel.length < size) {
                panel = new double[size];
            }
            return panel;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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

    /** An 8 x 2L tile of C at {@code ci}, from eight packed rows of A (from {@code ai}) and a packed panel of B. */
    private static void tile8x2(double[] a, int ai, double[] panel, int inner, double scale, double[] c, int ci,
                                int m) {
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
            DoubleVector b0 = DoubleVector.fromArray(S, panel, p * 2 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, panel, p * 2 * L + L);
            int ap = ai + p * 8;
            DoubleVector x = DoubleVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[ap + 7]);
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
}
