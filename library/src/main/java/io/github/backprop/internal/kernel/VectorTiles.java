package io.github.backprop.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products with explicit SIMD registers (the incubating Vector API,
 * {@code jdk.incubator.vector}). Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; see {@link Kernels}.
 *
 * <p>Every product is built from one register tile: 8 rows of C by two vectors (16 columns with
 * AVX-512) stay in registers while p runs over the inner dimension; each step loads two vectors of B,
 * broadcasts eight values of A and does sixteen fused multiply-adds. {@link #product} (C = A · B and
 * C = Aᵀ · B: the backpropagated sum and dW) packs A's rows and B's columns for it;
 * {@link #transposedB} (C = A · Bᵀ: z = a_prev · Wᵀ) packs Bᵀ from B's rows and reads A in place.
 * Every entry is {@code fma(A(i,p), B(p,j), sum)} applied in ascending p from 0, then multiplied by
 * the scale, in a vector lane or in a scalar loop alike: the same bit for bit as the textbook triple
 * loop with fused multiply-adds, wherever an entry falls in the tiling and however the work is shared
 * between threads.
 *
 * <p>(Over 300 lines because each of its two register tiles keeps its sixteen sums in sixteen named
 * variables, written out: the form in which the JIT keeps them in registers.)
 */
final class VectorTiles {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** How many values of p {@link #transposedB} takes at a time: a panel is then 128 x 2L values (16 KB with AVX-512). */
    static final int DEPTH = 128;

    private VectorTiles() {
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
     * Rows {@code from} to {@code to - 1} of C = s · A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values, and each sum is multiplied by {@code scale} as it is stored.
     *
     * <p>Like an optimised BLAS, it first copies ("packs") A's rows, eight at a time, and then each
     * panel of 2L columns of B into small contiguous arrays, so that the tile reads both at unit
     * stride: the JIT then drops the bounds checks from the inner loop, and the panel stays in the
     * nearest cache while every block of rows of A passes by. A block with fewer than eight rows is
     * packed with zero rows after them, a panel with fewer than 2L columns with zero columns; their
     * tiles are computed into a small array and only their real entries kept. Products smaller than
     * a quarter of a tile go to {@link RowLoops}.
     */
    static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                        int inner, int m, double scale, double[] c, int from, int to) {
        int rows = to - from;
        if (rows * m * 4 < 8 * 2 * L) {
            // a few entries: the tile would mostly multiply zeros; the fused row loops give the same sums
            RowLoops.product(true, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, scale, c, from, to);
            return;
        }
        int blocks = (rows + 7) / 8;
        Scratch scratch = SCRATCH.get();
        double[] packedA = scratch.packedA(blocks * 8 * inner);
        // packedA[(block * inner + p) * 8 + r] = A(from + 8 block + r, p), and 0 for the rows past the last
        for (int block = 0; block < blocks; block++) {
            int height = Math.min(8, to - from - block * 8);
            for (int p = 0; p < inner; p++) {
                int dst = (block * inner + p) * 8;
                int src = aOffset + (from + block * 8) * aRow + p * aCol;
                for (int r = 0; r < height; r++) {
                    packedA[dst + r] = a[src + r * aRow];
                }
                for (int r = height; r < 8; r++) {
                    packedA[dst + r] = 0.0;
                }
            }
        }
        double[] panel = scratch.panel(inner * 2 * L);
        double[] edge = scratch.edges(8 * 2 * L);
        for (int j = 0; j < m; j += 2 * L) {
            int width = Math.min(2 * L, m - j);
            // panel[p * 2L + q] = B(p, j + q), and 0 for the columns past the last
            for (int p = 0; p < inner; p++) {
                System.arraycopy(b, bOffset + p * ldb + j, panel, p * 2 * L, width);
                java.util.Arrays.fill(panel, p * 2 * L + width, (p + 1) * 2 * L, 0.0);
            }
            for (int block = 0; block < blocks; block++) {
                int i = from + block * 8;
                int height = Math.min(8, to - i);
                if (height == 8 && width == 2 * L) {
                    tile8x2(packedA, block * inner * 8, panel, inner, scale, c, i * m + j, m);
                } else {
                    // an edge tile: computed whole into a small array, then only its real entries kept
                    tile8x2(packedA, block * inner * 8, panel, inner, scale, edge, 0, 2 * L);
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(edge, r * 2 * L, c, (i + r) * m + j, width);
                    }
                }
            }
        }
    }

    /**
     * Columns {@code jFrom} to {@code jTo - 1} of C = A · Bᵀ, for A n x k from {@code aOffset}, B m x k
     * and C n x m: z = a_prev · Wᵀ, with W's rows the columns of C. Each entry is
     * {@code fma(A(i,p), B(j,p), sum)} in ascending p from 0, the textbook fused loop.
     *
     * <p>The same 8 x 2L register tile as {@link #product}, with Bᵀ packed a panel of 2L rows of B at a
     * time (read along B's rows, so W is read where it lies), {@value #DEPTH} values of p at a time so
     * that a panel stays in the nearest cache; A's rows are read in place, eight at a time. A panel
     * with fewer than 2L columns is packed with zeros after them, and a block with fewer than eight
     * rows reads its last row again; their tiles are computed into a small array and only their real
     * entries kept. Products smaller than a quarter of a tile are computed one entry at a time.
     */
    static void transposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c, int jFrom,
                            int jTo) {
        int cols = jTo - jFrom;
        if (n * cols * 4 < 8 * 2 * L) {
            for (int i = 0; i < n; i++) {
                for (int j = jFrom; j < jTo; j++) {
                    c[i * m + j] = RowLoops.dot(true, a, aOffset + i * k, 1, b, j * k, 1, k);
                }
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        double[] panel = scratch.panel(Math.min(k, DEPTH) * 2 * L);
        int blocks = (n + 7) / 8;
        double[] edges = scratch.edges(blocks * 8 * 2 * L);
        for (int j = jFrom; j < jTo; j += 2 * L) {
            int width = Math.min(2 * L, jTo - j);
            for (int p0 = 0; p0 < k; p0 += DEPTH) {
                int depth = Math.min(DEPTH, k - p0);
                // panel[p * 2L + q] = B(j + q, p0 + p), and 0 for the columns past the last
                for (int q = 0; q < width; q++) {
                    int src = (j + q) * k + p0;
                    for (int p = 0; p < depth; p++) {
                        panel[p * 2 * L + q] = b[src + p];
                    }
                }
                for (int q = width; q < 2 * L; q++) {
                    for (int p = 0; p < depth; p++) {
                        panel[p * 2 * L + q] = 0.0;
                    }
                }
                for (int block = 0; block < blocks; block++) {
                    int i = block * 8;
                    int height = Math.min(8, n - i);
                    int ai = aOffset + i * k + p0;
                    if (height == 8 && width == 2 * L) {
                        tileRows(a, ai, k, 8, panel, depth, p0 == 0, c, i * m + j, m);
                    } else {
                        tileRows(a, ai, k, height, panel, depth, p0 == 0, edges, block * 8 * 2 * L, 2 * L);
                    }
                }
            }
            for (int block = 0; block < blocks; block++) {
                int i = block * 8;
                if (i + 8 > n || width < 2 * L) {
                    for (int r = 0; r < Math.min(8, n - i); r++) {
                        System.arraycopy(edges, (block * 8 + r) * 2 * L, c, (i + r) * m + j, width);
                    }
                }
            }
        }
    }

    /**
     * An 8 x 2L tile of C at {@code ci} (rows {@code m} apart) from eight rows of A read in place, from
     * {@code ai} and {@code aRow} apart ({@code height} of them real: the others repeat the last), and
     * a packed panel of Bᵀ, over {@code depth} values of p: starting from zero if {@code first}, otherwise
     * from the sums stored there by the previous slice of p.
     *
     * <p>This is {@link #tile8x2} with A's rows read where they lie instead of packed. One tile taking
     * A's strides as parameters was slower: the JIT then kept the bounds checks in its inner loop.
     */
    private static void tileRows(double[] a, int ai, int aRow, int height, double[] panel, int depth, boolean first,
                                 double[] c, int ci, int m) {
        int a0 = ai;
        int a1 = ai + Math.min(1, height - 1) * aRow;
        int a2 = ai + Math.min(2, height - 1) * aRow;
        int a3 = ai + Math.min(3, height - 1) * aRow;
        int a4 = ai + Math.min(4, height - 1) * aRow;
        int a5 = ai + Math.min(5, height - 1) * aRow;
        int a6 = ai + Math.min(6, height - 1) * aRow;
        int a7 = ai + Math.min(7, height - 1) * aRow;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c30;
        DoubleVector c31;
        DoubleVector c40;
        DoubleVector c41;
        DoubleVector c50;
        DoubleVector c51;
        DoubleVector c60;
        DoubleVector c61;
        DoubleVector c70;
        DoubleVector c71;
        if (first) {
            c00 = DoubleVector.zero(S);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
            c40 = c00;
            c41 = c00;
            c50 = c00;
            c51 = c00;
            c60 = c00;
            c61 = c00;
            c70 = c00;
            c71 = c00;
        } else {
            c00 = DoubleVector.fromArray(S, c, ci);
            c01 = DoubleVector.fromArray(S, c, ci + L);
            c10 = DoubleVector.fromArray(S, c, ci + m);
            c11 = DoubleVector.fromArray(S, c, ci + m + L);
            c20 = DoubleVector.fromArray(S, c, ci + 2 * m);
            c21 = DoubleVector.fromArray(S, c, ci + 2 * m + L);
            c30 = DoubleVector.fromArray(S, c, ci + 3 * m);
            c31 = DoubleVector.fromArray(S, c, ci + 3 * m + L);
            c40 = DoubleVector.fromArray(S, c, ci + 4 * m);
            c41 = DoubleVector.fromArray(S, c, ci + 4 * m + L);
            c50 = DoubleVector.fromArray(S, c, ci + 5 * m);
            c51 = DoubleVector.fromArray(S, c, ci + 5 * m + L);
            c60 = DoubleVector.fromArray(S, c, ci + 6 * m);
            c61 = DoubleVector.fromArray(S, c, ci + 6 * m + L);
            c70 = DoubleVector.fromArray(S, c, ci + 7 * m);
            c71 = DoubleVector.fromArray(S, c, ci + 7 * m + L);
        }
        for (int p = 0; p < depth; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, panel, p * 2 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, panel, p * 2 * L + L);
            DoubleVector x;
            x = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[a6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[a7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + m);
        c11.intoArray(c, ci + m + L);
        c20.intoArray(c, ci + 2 * m);
        c21.intoArray(c, ci + 2 * m + L);
        c30.intoArray(c, ci + 3 * m);
        c31.intoArray(c, ci + 3 * m + L);
        c40.intoArray(c, ci + 4 * m);
        c41.intoArray(c, ci + 4 * m + L);
        c50.intoArray(c, ci + 5 * m);
        c51.intoArray(c, ci + 5 * m + L);
        c60.intoArray(c, ci + 6 * m);
        c61.intoArray(c, ci + 6 * m + L);
        c70.intoArray(c, ci + 7 * m);
        c71.intoArray(c, ci + 7 * m + L);
    }

    /** Per-thread packing arrays, grown as needed. */
    private static final class Scratch {
        private double[] packedA = new double[0];
        private double[] panel = new double[0];
        private double[] edges = new double[0];

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

        double[] edges(int size) {
            if (edges.length < size) {
                edges = new double[size];
            }
            return edges;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
        // the sums stored as they are, then multiplied by the scale where it is not 1 (see scaleTile)
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + m);
        c11.intoArray(c, ci + m + L);
        c20.intoArray(c, ci + 2 * m);
        c21.intoArray(c, ci + 2 * m + L);
        c30.intoArray(c, ci + 3 * m);
        c31.intoArray(c, ci + 3 * m + L);
        c40.intoArray(c, ci + 4 * m);
        c41.intoArray(c, ci + 4 * m + L);
        c50.intoArray(c, ci + 5 * m);
        c51.intoArray(c, ci + 5 * m + L);
        c60.intoArray(c, ci + 6 * m);
        c61.intoArray(c, ci + 6 * m + L);
        c70.intoArray(c, ci + 7 * m);
        c71.intoArray(c, ci + 7 * m + L);
        if (scale != 1.0) {
            scaleTile(c, ci, m, scale);
        }
    }

    /**
     * Multiplies the 8 x 2L tile of C at {@code ci} (rows {@code m} apart) by {@code scale}: the same
     * numbers as multiplying each sum before storing it. A pass of its own because the tile that
     * stored {@code sum.mul(scale)} directly was, in about one JVM in ten on the project's machine,
     * compiled by C2 with its last stores left as calls into the Vector API's Java code, which made
     * W3's timed epoch about twice as slow (the commit that added this pass has the logged runs).
     */
    private static void scaleTile(double[] c, int ci, int m, double scale) {
        for (int r = 0; r < 8; r++) {
            int row = ci + r * m;
            DoubleVector.fromArray(S, c, row).mul(scale).intoArray(c, row);
            DoubleVector.fromArray(S, c, row + L).mul(scale).intoArray(c, row + L);
        }
    }
}
