package io.github.backprop.internal.kernel;

/**
 * What both kinds of kernel share: when work is handed to the helper threads ({@link RowSplit}), the
 * two products that differ only in how A is read, the update, the element-wise work, the copies and
 * the work done later. How a product is computed is the subclasses'.
 */
abstract class SharedKernels extends Kernels {
    /** Products with fewer multiply-adds than this stay on the caller's thread: handing over costs more. */
    static final long PARALLEL_WORK = 1L << 20;

    /** Element-by-element updates and copies of fewer values than this stay on the caller's thread. */
    static final int PARALLEL_VALUES = 1 << 15;

    /**
     * The fewest values element-wise work is shared for: a function as costly as an exponential takes
     * tens of microseconds on this many, and handing a part to a helper thread under one.
     */
    static final int SHARED_FUNCTION_VALUES = 1 << 12;

    private final Sharing sharing;
    /** The fewest multiply-adds, values and element-wise values shared between threads (0: all; MAX_VALUE: none). */
    private final long productsFrom;
    private final long valuesFrom;
    private final long elementwiseFrom;

    SharedKernels(Sharing sharing) {
        this.sharing = sharing;
        this.productsFrom = threshold(sharing, PARALLEL_WORK);
        this.valuesFrom = threshold(sharing, PARALLEL_VALUES);
        this.elementwiseFrom = threshold(sharing, SHARED_FUNCTION_VALUES);
    }

    private static long threshold(Sharing sharing, long bySize) {
        return switch (sharing) {
            case BY_SIZE -> bySize;
            case ALWAYS -> 0;
            case NEVER -> Long.MAX_VALUE;
        };
    }

    /** Whether a product of this many multiply-adds is shared between threads. */
    final boolean largeProduct(long work) {
        return work >= productsFrom;
    }

    /** Whether an update or copy of this many values is shared between threads. */
    final boolean manyValues(long values) {
        return values >= valuesFrom;
    }

    /** The thread count in a description: "2 threads", or "1 thread" where nothing is shared. */
    final String threads() {
        int threads = sharing == Sharing.NEVER ? 1 : RowSplit.threads();
        return threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public final void multiply(double[] a, int n, int k, double[] b, int m, double[] c) {
        product(a, 0, k, 1, b, 0, m, k, n, m, 1.0, c);
    }

    @Override
    public final void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double s,
                                          double[] c) {
        // C(i,j) = s * sum over samples t of A(t,i) B(t,j): A is read down its columns
        product(a, 0, 1, k, b, bOffset, m, n, k, m, s, c);
    }

    /**
     * C (rows x m) = s · A · B with A(i,p) = a[aOffset + i·aRow + p·aCol] and B(p,j) = b[bOffset + p·ldb + j],
     * p running over {@code inner} values: both products above, by the subclass's kernels.
     */
    abstract void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb, int inner,
                          int rows, int m, double s, double[] c);

    @Override
    public void addScaled(double[] y, double s, double[] x, int count) {
        if (!manyValues(count)) {
            addScaled(y, s, x, 0, count);
            return;
        }
        // threads share the values as they share the rows of W in the products
        RowSplit.run(count, true, (from, to) -> addScaled(y, s, x, from, to));
    }

    private static void addScaled(double[] y, double s, double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += s * x[i];
        }
    }

    @Override
    public boolean sharesElementwise(int count) {
        return count >= elementwiseFrom;
    }

    @Override
    public void elementwise(int count, Range body) {
        RowSplit.run(count, sharesElementwise(count), body);
    }

    @Override
    public void copy(double[] src, int srcPos, double[] dst, int dstPos, int count) {
        if (!manyValues(count)) {
            System.arraycopy(src, srcPos, dst, dstPos, count);
            return;
        }
        RowSplit.run(count, true, (from, to) -> System.arraycopy(src, srcPos + from, dst, dstPos + from, to - from));
    }

    @Override
    public boolean worthDoingLater(long values) {
        return sharing != Sharing.NEVER && values >= PARALLEL_VALUES && RowSplit.threads() >= 2;
    }

    @Override
    public Pending later(int count, int perPiece, Range body) {
        PendingWork work = new PendingWork(count, perPiece, body);
        if (sharing != Sharing.NEVER) {
            RowSplit.offer(work.steps);
        }
        return work;
    }

    @Override
    public String toString() {
        return description();
    }
}
