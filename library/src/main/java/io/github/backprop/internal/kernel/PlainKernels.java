package io.github.backprop.internal.kernel;

/**
 * The kernels without the Vector API: row loops with a separate multiply and add ({@link RowLoops}),
 * the same sums bit for bit as the textbook loops; a large product is shared between threads by the
 * rows of C (the samples, for z = a_prev · Wᵀ).
 */
final class PlainKernels extends SharedKernels {
    private final String name;

    PlainKernels(Sharing sharing) {
        this(sharing, "plain");
    }

    PlainKernels(Sharing sharing, String name) {
        super(sharing);
        this.name = name;
    }

    @Override
    public String description() {
        return name + ", " + threads();
    }

    @Override
    public boolean fused() {
        return false;
    }

    @Override
    public void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        if (largeProduct((long) n * k * m)) {
            RowSplit.run(n, true, (from, to) -> RowLoops.transposedB(false, a, aOffset, k, b, m, c, from, to));
        } else {
            RowLoops.transposedB(false, a, aOffset, k, b, m, c, 0, n);
        }
    }

    @Override
    void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner, int rows,
                 int m, double s, double[] c) {
        if (largeProduct((long) rows * inner * m)) {
            RowSplit.run(rows, true, (from, to) ->
                    RowLoops.product(false, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        } else {
            RowLoops.product(false, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        }
    }
}
