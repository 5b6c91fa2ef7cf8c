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
    public void multiply(double[] a, int n, int k, double[] b, int m, double[] c) {
        product(a, 0, k, 1, b, 0, m, k, n, m, 1.0, c);
    }

    @Override
    public void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double s, double[] c) {
        // C(i,j) = s * sum over samples t of A(t,i) B(t,j): A is read down its columns
        product(a, 0, 1, k, b, bOffset, m, n, k, m, s, c);
    }

    /** C (rows x m) = s · A · B with A(i,p) = a[aOffset + i·aRow + p·aCol] and B(p,j) = b[bOffset + p·ldb + j]. */
    private void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner,
                         int rows, int m, double s, double[] c) {
        if (largeProduct((long) rows * inner * m)) {
            RowSplit.run(rows, true, (from, to) ->
                    RowLoops.product(false, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        } else {
            RowLoops.product(false, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        }
    }
}
