package io.github.backprop.internal.kernel;

/**
 * Matrix products one row of C at a time, in loops the JIT vectorises by itself: the plain kernels
 * (used without the Vector API, in the notebooks and on Binder), and the small products of the
 * Vector API kernels (see {@link Kernels}).
 *
 * <p>Every entry is the sum over p of A(i,p)·B(p,j) in ascending p from 0, then multiplied by the
 * scale: with a separate multiply and add ({@code fused = false}), the same bit for bit as the
 * textbook triple loop; or with fused multiply-adds ({@code fused = true}), the same bit for bit as
 * {@link VectorTiles}' tiles. The loop along a row of C reads a copy of B's row p and a row of sums
 * at the same index: the only form in which the JIT (C2, JDK 17) can prove that the arrays do not
 * overlap, and so use SIMD registers. It is also a small method the JIT compiles within the first
 * training steps, where Vector API code needs hundreds of steps before it is compiled and runs tens
 * of times slower until then.
 */
final class RowLoops {
    /** Products with fewer entries than this are summed one entry at a time, without copying B. */
    static final int TINY = 32;

    private RowLoops() {
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = s · A · B, where A(i,p) = a[aOffset + i·aRow + p·aCol],
     * B(p,j) = b[bOffset + p·ldb + j] and C (row-major, m columns) starts at c[0]; p runs over
     * {@code inner} values.
     */
    static void product(boolean fused, double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                        int inner, int m, double scale, double[] c, int from, int to) {
        if ((to - from) * m < TINY) {
            // a few entries (W1's products are all this small): no copies, one sum at a time
            for (int i = from; i < to; i++) {
                for (int j = 0; j < m; j++) {
                    c[i * m + j] = dot(fused, a, aOffset + i * aRow, aCol, b, bOffset + j, ldb, inner) * scale;
                }
            }
            return;
        }
        rows(fused, a, aOffset, aRow, aCol, copyRows(b, bOffset, ldb, inner, m), inner, m, scale, c, from, to);
    }

    /**
     * Rows {@code from} to {@code to - 1} of C = A · Bᵀ, for A n x k from {@code aOffset}, B m x k and
     * C n x m (z = a_prev · Wᵀ).
     */
    static void transposedB(boolean fused, double[] a, int aOffset, int k, double[] b, int m, double[] c, int from,
                            int to) {
        if ((to - from) * m < TINY) {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < m; j++) {
                    c[i * m + j] = dot(fused, a, aOffset + i * k, 1, b, j * k, 1, k);
                }
            }
            return;
        }
        rows(fused, a, aOffset, k, 1, copyColumns(b, k, m), k, m, 1.0, c, from, to);
    }

    /** Copies of B's rows (B(p,j) = b[bOffset + p·ldb + j], {@code inner} rows of m), in this thread's scratch space. */
    private static double[][] copyRows(double[] b, int bOffset, int ldb, int inner, int m) {
        double[][] rowsOfB = scratch().rows(inner, m);
        for (int p = 0; p < inner; p++) {
            System.arraycopy(b, bOffset + p * ldb, rowsOfB[p], 0, m);
        }
        return rowsOfB;
    }

    /**
     * The rows of Bᵀ for B m x k: rowsOfBT[p][j] = B(j, p), B's column p. Four columns at a time, so
     * that each of B's rows is read four neighbouring values at a time (faster than one column at a
     * time on W2's weights; the commit that made it has the measurement).
     */
    private static double[][] copyColumns(double[] b, int k, int m) {
        double[][] rowsOfBT = scratch().rows(k, m);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double[] row0 = rowsOfBT[p];
            double[] row1 = rowsOfBT[p + 1];
            double[] row2 = rowsOfBT[p + 2];
            double[] row3 = rowsOfBT[p + 3];
            for (int j = 0; j < m; j++) {
                int src = j * k + p;
                row0[j] = b[src];
                row1[j] = b[src + 1];
                row2[j] = b[src + 2];
                row3[j] = b[src + 3];
            }
        }
        for (; p < k; p++) {
            double[] row = rowsOfBT[p];
            for (int j = 0; j < m; j++) {
                row[j] = b[j * k + p];
            }
        }
        return rowsOfBT;
    }

    /** The sum over p below {@code count} of a[ai + p·aStep]·b[bi + p·bStep], in ascending p. */
    static double dot(boolean fused, double[] a, int ai, int aStep, double[] b, int bi, int bStep, int count) {
        double sum = 0;
        if (fused) {
            for (int p = 0; p < count; p++) {
                sum = Math.fma(a[ai + p * aStep], b[bi + p * bStep], sum);
            }
        } else {
            for (int p = 0; p < count; p++) {
                sum += a[ai + p * aStep] * b[bi + p * bStep];
            }
        }
        return sum;
    }

    private static void rows(boolean fused, double[] a, int aOffset, int aRow, int aCol, double[][] rowsOfB, int inner,
                             int m, double scale, double[] c, int from, int to) {
        Scratch scratch = scratch();
        double[] s0 = scratch.sums(0, m);
        double[] s1 = scratch.sums(1, m);
        int i = from;
        // two rows of C at a time: each value of B's rows is loaded once for two multiply-adds
        for (; i + 1 < to; i += 2) {
            twoRows(fused, a, aOffset + i * aRow, aRow, aCol, rowsOfB, inner, m, s0, s1);
            store(s0, scale, c, i * m, m);
            store(s1, scale, c, (i + 1) * m, m);
        }
        for (; i < to; i++) {
            oneRow(fused, a, aOffset + i * aRow, aCol, rowsOfB, inner, m, s0);
            store(s0, scale, c, i * m, m);
        }
    }

    /**
     * The sums of two rows of C (A's rows from {@code ai}, {@code aRow} apart), each term added in
     * ascending p: multiplied and then added, two values of p per pass over the rows of sums, or
     * fused in, {@code fma(A(i,p), B(p,j), sum)}, four values of p per pass. Each sum is loaded and
     * stored once per pass. (Faster than four rows per pass with one or two values of p; the
     * commit that made it has the measurements.)
     */
    private static void twoRows(boolean fused, double[] a, int ai, int aRow, int aCol, double[][] rowsOfB, int inner,
                                int m, double[] s0, double[] s1) {
        java.util.Arrays.fill(s0, 0, m, 0.0);
        java.util.Arrays.fill(s1, 0, m, 0.0);
        int p = 0;
        if (fused) {
            for (; p + 3 < inner; p += 4) {
                int ap = ai + p * aCol;
                int aq = ap + aRow;
                fourTermsFused(rowsOfB[p], rowsOfB[p + 1], rowsOfB[p + 2], rowsOfB[p + 3],
                        a[ap], a[ap + aCol], a[ap + 2 * aCol], a[ap + 3 * aCol],
                        a[aq], a[aq + aCol], a[aq + 2 * aCol], a[aq + 3 * aCol], m, s0, s1);
            }
        } else {
            for (; p + 1 < inner; p += 2) {
                int ap = ai + p * aCol;
                int aq = ap + aRow;
                twoTerms(rowsOfB[p], rowsOfB[p + 1], a[ap], a[ap + aCol], a[aq], a[aq + aCol], m, s0, s1);
            }
        }
        // the last values of p, one at a time
        for (; p < inner; p++) {
            int ap = ai + p * aCol;
            double x = a[ap];
            double y = a[ap + aRow];
            double[] row = rowsOfB[p];
            if (fused) {
                for (int j = 0; j < m; j++) {
                    s0[j] = Math.fma(x, row[j], s0[j]);
                    s1[j] = Math.fma(y, row[j], s1[j]);
                }
            } else {
                for (int j = 0; j < m; j++) {
                    s0[j] += x * row[j];
                    s1[j] += y * row[j];
                }
            }
        }
    }

    /**
     * One pass over two rows of sums: the terms of p and p + 1 (B's rows {@code b0}, {@code b1}; A's
     * values x for the first row, y for the second), in that order. A method of its own, with a loop
     * of m turns, so that the JIT compiles it early (see {@link #fourTermsFused}).
     */
    private static void twoTerms(double[] b0, double[] b1, double x0, double x1, double y0, double y1, int m,
                                 double[] s0, double[] s1) {
        for (int j = 0; j < m; j++) {
            double v0 = b0[j];
            double v1 = b1[j];
            // sum + A(i,p)·B(p,j) + A(i,p+1)·B(p+1,j), added left to right as in the textbook loop
            s0[j] = s0[j] + x0 * v0 + x1 * v1;
            s1[j] = s1[j] + y0 * v0 + y1 * v1;
        }
    }

    /**
     * One pass over two rows of sums: the terms of p to p + 3 (B's rows {@code b0} to {@code b3}; A's
     * values x for the first row, y for the second), in that order. A method of its own, with a loop
     * of m turns: the JIT compiles it within the first training steps, and its caller, whose loop
     * turns inner / 4 times per call, without first compiling it for on-stack replacement.
     */
    private static void fourTermsFused(double[] b0, double[] b1, double[] b2, double[] b3,
                                       double x0, double x1, double x2, double x3,
                                       double y0, double y1, double y2, double y3, int m, double[] s0, double[] s1) {
        for (int j = 0; j < m; j++) {
            double v0 = b0[j];
            double v1 = b1[j];
            double v2 = b2[j];
            double v3 = b3[j];
            // the terms of p, p + 1, p + 2 and p + 3, innermost first
            s0[j] = Math.fma(x3, v3, Math.fma(x2, v2, Math.fma(x1, v1, Math.fma(x0, v0, s0[j]))));
            s1[j] = Math.fma(y3, v3, Math.fma(y2, v2, Math.fma(y1, v1, Math.fma(y0, v0, s1[j]))));
        }
    }

    /** The sums of one row of C, A's row from {@code ai}. */
    private static void oneRow(boolean fused, double[] a, int ai, int aCol, double[][] rowsOfB, int inner, int m,
                               double[] sums) {
        java.util.Arrays.fill(sums, 0, m, 0.0);
        for (int p = 0; p < inner; p++) {
            double x = a[ai + p * aCol];
            double[] row = rowsOfB[p];
            if (fused) {
                for (int j = 0; j < m; j++) {
                    sums[j] = Math.fma(x, row[j], sums[j]);
                }
            } else {
                for (int j = 0; j < m; j++) {
                    sums[j] += x * row[j];
                }
            }
        }
    }

    /** c[ci + j] = sums[j] * scale for j below m. */
    private static void store(double[] sums, double scale, double[] c, int ci, int m) {
        for (int j = 0; j < m; j++) {
            c[ci + j] = sums[j] * scale;
        }
    }

    /** Per-thread copies of B's rows and a row of sums, grown as needed. */
    private static final class Scratch {
        private double[][] rows = new double[0][];
        private final double[][] sums = new double[2][0];

        /** At least {@code count} rows, the first {@code count} of at least {@code length} values each. */
        double[][] rows(int count, int length) {
            if (rows.length < count) {
                rows = java.util.Arrays.copyOf(rows, count);
            }
            for (int p = 0; p < count; p++) {
                if (rows[p] == null || rows[p].length < length) {
                    rows[p] = new double[length];
                }
            }
            return rows;
        }

        double[] sums(int which, int length) {
            if (sums[which].length < length) {
                sums[which] = new double[length];
            }
            return sums[which];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

    /** This thread's scratch space. */
    private static Scratch scratch() {
        Scratch s = SCRATCH.get();
        if (s == null) {
            s = new Scratch();
            SCRATCH.set(s);
        }
        return s;
    }
}
