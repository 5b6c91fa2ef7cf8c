package io.github.backprop.internal.kernel;

/**
 * The kernels with the Vector API ({@code --add-modules jdk.incubator.vector}): register tiles
 * ({@link VectorTiles}) for large products, shared between threads by neurons, z's columns, dW's rows
 * and W's rows, so that each thread keeps working on the same part of W; the row loops with fused
 * multiply-adds ({@link RowLoops}) for small products, which the JIT compiles within the first
 * steps, where tiles would run uncompiled, tens of times slower, for the first hundreds of steps of
 * a network whose products are all small. Both take every term as {@code fma(A(i,p), B(p,j), sum)}
 * in ascending p, so they give the same sums bit for bit; which one computes a product depends on
 * its size alone, never on what ran before.
 */
final class VectorApiKernels extends SharedKernels {
    /** Which products use the tiles. */
    enum Tiles {
        /** Large products only (what training uses). */
        LARGE_ONLY,
        /** Every product, however small (for tests). */
        ALWAYS
    }

    /** Whether small products use the tiles too. */
    private final boolean smallOnTiles;

    VectorApiKernels(Sharing sharing, Tiles tiles) {
        super(sharing);
        this.smallOnTiles = tiles == Tiles.ALWAYS;
    }

    @Override
    public String description() {
        return "vector (" + VectorTiles.bits() + "-bit), " + threads();
    }

    @Override
    public boolean fused() {
        return true;
    }

    /**
     * Whether a product of this many multiply-adds is computed by the tiles: large ones always,
     * small ones only with {@link Tiles#ALWAYS}.
     */
    boolean onTiles(long work) {
        return smallOnTiles || largeProduct(work);
    }

    @Override
    public void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        long work = (long) n * k * m;
        if (largeProduct(work)) {
            // the tiles with B(p,j) = b[j·k + p]: their packing reads Wᵀ straight from W's rows;
            // threads share the columns of C, i.e. the rows of B (the neurons, for z = a_prev · Wᵀ): each
            // thread keeps reading the same rows of W, which it also updates (see addScaled)
            RowSplit.run(m, 2 * VectorTiles.lanes(), true,
                    (from, to) -> VectorTiles.transposedB(a, aOffset, n, k, b, m, c, from, to));
        } else if (onTiles(work)) {
            VectorTiles.transposedB(a, aOffset, n, k, b, m, c, 0, m);
        } else {
            RowLoops.transposedB(true, a, aOffset, k, b, m, c, 0, n);
        }
    }

    @Override
    void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner, int rows,
                 int m, double s, double[] c) {
        long work = (long) rows * inner * m;
        if (largeProduct(work)) {
            // threads share the rows of C (the neurons, for dW = deltaᵀ · a_prev)
            RowSplit.run(rows, true, (from, to) ->
                    VectorTiles.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        } else if (onTiles(work)) {
            VectorTiles.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        } else {
            RowLoops.product(true, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        }
    }
}
