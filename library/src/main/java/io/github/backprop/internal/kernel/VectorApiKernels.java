package io.github.backprop.internal.kernel;

/**
 * The kernels with the Vector API ({@code --add-modules jdk.incubator.vector}): register tiles
 * ({@link VectorTiles}) for large products, shared between threads by neurons, z's columns, dW's rows
 * and W's rows, so that each thread keeps working on the same part of W; the row loops with fused
 * multiply-adds ({@link RowLoops}) for small products until the tiles are compiled. Both take every
 * term as {@code fma(A(i,p), B(p,j), sum)} in ascending p, so they give the same sums bit for bit.
 */
final class VectorApiKernels extends SharedKernels {
    /** When small products use the tiles. */
    enum Tiles {
        /** After {@link #TILES_WARM} large products (what training uses). */
        AFTER_WARM_UP,
        /** Always (for tests). */
        ALWAYS,
        /** Never: small products always take the fused row loops (for tests). */
        NEVER
    }

    /**
     * Large products before small ones move to the tiles: by then the JIT has compiled the tiles.
     * Before that, and in a network whose products are all small, the fused row loops, which the JIT
     * compiles within the first steps, compute them instead of tiles that would run uncompiled, tens of
     * times slower, for the first hundreds of steps.
     */
    static final int TILES_WARM = 1000;

    /** How many large products make small ones use the tiles: TILES_WARM, 0 (always) or MAX_VALUE (never). */
    private final int tilesAfter;
    /** Large products so far (counted without synchronisation: an approximate count is enough). */
    private int largeProducts;

    VectorApiKernels(Sharing sharing, Tiles tiles) {
        super(sharing);
        this.tilesAfter = switch (tiles) {
            case AFTER_WARM_UP -> TILES_WARM;
            case ALWAYS -> 0;
            case NEVER -> Integer.MAX_VALUE;
        };
    }

    @Override
    public String description() {
        return "vector (" + VectorTiles.bits() + "-bit), " + threads();
    }

    @Override
    public boolean fused() {
        return true;
    }

    /** Whether small products use the tiles. */
    boolean tilesWarm() {
        return largeProducts >= tilesAfter;
    }

    @Override
    public void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        if (largeProduct((long) n * k * m)) {
            largeProducts++;
            // the tiles with B(p,j) = b[j·k + p]: their packing reads Wᵀ straight from W's rows;
            // threads share the columns of C, i.e. the rows of B (the neurons, for z = a_prev · Wᵀ): each
            // thread keeps reading the same rows of W, which it also updates (see addScaled)
            RowSplit.run(m, 2 * VectorTiles.lanes(), true,
                    (from, to) -> VectorTiles.transposedB(a, aOffset, n, k, b, m, c, from, to));
        } else if (tilesWarm()) {
            VectorTiles.transposedB(a, aOffset, n, k, b, m, c, 0, m);
        } else {
            RowLoops.transposedB(true, a, aOffset, k, b, m, c, 0, n);
        }
    }

    @Override
    void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner, int rows,
                 int m, double s, double[] c) {
        if (largeProduct((long) rows * inner * m)) {
            largeProducts++;
            // threads share the rows of C (the neurons, for dW = deltaᵀ · a_prev)
            RowSplit.run(rows, true, (from, to) ->
                    VectorTiles.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        } else if (tilesWarm()) {
            VectorTiles.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        } else {
            RowLoops.product(true, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        }
    }
}
