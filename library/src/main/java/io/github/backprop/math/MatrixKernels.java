package io.github.backprop.math;

/**
 * In-place matrix products on plain row-major {@code double[]} arrays: the only place where the
 * training loop's heavy arithmetic happens.
 *
 * <p>Layers, activations and losses say <em>what</em> is computed, with the equation above each
 * call; these kernels say <em>how fast</em>. Each method writes its result into the output array
 * given last and modifies nothing else. Arrays may be longer than needed; only the leading
 * {@code rows * cols} values (after the offset) are read or written. Output arrays must not
 * overlap the inputs.
 *
 * <p>Shapes use the names of the textbook product: {@code A} is n x k, {@code B} as stated,
 * {@code C} the result.
 *
 * <p><b>How fast.</b> Two kinds of kernel compute these sums:
 * <ul>
 *   <li>loops along the rows of C that the JIT vectorises itself ({@code RowKernels}), with the same
 *       rounding as the textbook triple loop: each entry adds A(i,p)·B(p,j) in ascending p;</li>
 *   <li>with the JVM option {@code --add-modules jdk.incubator.vector}, register-tiled kernels on
 *       the incubating Vector API ({@code VectorKernels}: tiles of C held in SIMD registers),
 *       several times faster on large products. They fuse each term in with a fused multiply-add
 *       (one rounding instead of two), and so do the row loops that compute this JVM's small
 *       products until the tiles are compiled: both give the same sums bit for bit.</li>
 * </ul>
 * So results can differ in the last digits between JVMs started with and without the option;
 * each is deterministic on its own. The system property {@code backprop.vector=false} turns the
 * Vector API kernels off. Products of more than about a million multiply-adds, and the
 * gradient-descent step on more than 32,768 values, are shared between threads (system property
 * {@code backprop.threads}, by default every processor): with the Vector API by neurons, z's
 * columns, dW's rows and W's rows, so that each thread keeps working on the same part of W; the row
 * loops share the rows of C. Every entry is computed by one thread in a fixed order, so the result
 * does not depend on the number of threads.
 */
public final class MatrixKernels {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equalsIgnoreCase(System.getProperty("backprop.vector"));

    /**
     * Large products (of {@link RowSplit#PARALLEL_WORK} multiply-adds or more) so far, all on the Vector
     * API tiles. Small products use the tiles only after {@link #TILES_WARM} of these: by then the JIT
     * has compiled the tiles. Before that, and in a network whose products are all small, they use
     * {@code RowKernels}, whose loops the JIT compiles within the first steps, instead of tiles that
     * would run uncompiled, tens of times slower, for the first hundreds of steps. Both compute the
     * same sums bit for bit. (Counted without synchronisation: an approximate count is enough.)
     */
    private static int largeProducts;

    static final int TILES_WARM = 1000;

    private MatrixKernels() {
    }

    static boolean tilesWarm() {
        return largeProducts >= TILES_WARM;
    }

    /**
     * Which kernels this JVM uses, for benchmark reports: "vector" or "plain", with the thread count.
     *
     * @return e.g. {@code "vector (512-bit), 2 threads"}
     */
    public static String implementation() {
        String kind = VECTOR ? "vector (" + VectorKernels.bits() + "-bit)" : "plain";
        int threads = RowSplit.threads();
        return kind + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /**
     * C = A · Bᵀ, with A n x k (from {@code aOffset}), B m x k and C n x m. Used for z = a_prev · Wᵀ.
     *
     * @param a left matrix, read from {@code aOffset}
     * @param aOffset index of A's first value
     * @param n rows of A
     * @param k columns of A and B
     * @param b right matrix (m x k), read
     * @param m rows of B
     * @param c result (n x m), overwritten
     */
    public static void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c) {
        boolean large = (long) n * k * m >= RowSplit.PARALLEL_WORK;
        if (VECTOR && large) {
            largeProducts++;
            // the tiles with B(p,j) = b[j·k + p]: their packing reads Wᵀ straight from W's rows;
            // threads share the columns of C, i.e. the rows of B (the neurons, for z = a_prev · Wᵀ): each
            // thread keeps reading the same rows of W, which it also updates (see addScaled)
            RowSplit.run(m, 2 * VectorKernels.lanes(), true,
                    (from, to) -> VectorKernels.transposedB(a, aOffset, n, k, b, m, c, from, to));
        } else if (VECTOR && tilesWarm()) {
            VectorKernels.transposedB(a, aOffset, n, k, b, m, c, 0, m);
        } else if (!large) {
            RowKernels.transposedB(VECTOR, a, aOffset, k, b, m, c, 0, n);
        } else {
            // the plain loops share the rows of C, the samples
            RowSplit.run(n, true, (from, to) -> RowKernels.transposedB(false, a, aOffset, k, b, m, c, from, to));
        }
    }

    /**
     * C = A · B, with A n x k, B k x m and C n x m. Used for the backpropagated sum delta · W.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A
     * @param k columns of A, rows of B
     * @param b right matrix (k x m), read
     * @param m columns of B
     * @param c result (n x m), overwritten
     */
    public static void multiply(double[] a, int n, int k, double[] b, int m, double[] c) {
        product(a, 0, k, 1, b, 0, m, k, n, m, 1.0, c);
    }

    /**
     * C = Aᵀ · B, with A n x k, B n x m (from {@code bOffset}) and C k x m. Used for
     * dW = deltaᵀ · a_prev, a sum over the samples of a batch.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A and B
     * @param k columns of A
     * @param b right matrix, read from {@code bOffset}
     * @param bOffset index of B's first value
     * @param m columns of B
     * @param c result (k x m), overwritten
     */
    public static void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double[] c) {
        multiplyTransposedA(a, n, k, b, bOffset, m, 1.0, c);
    }

    /**
     * C = s · Aᵀ · B, with A n x k, B n x m (from {@code bOffset}) and C k x m: each sum multiplied by
     * {@code s} as it is stored, the same as multiplying C afterwards. Used for the batch average
     * dW = (1/B) deltaᵀ · a_prev.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A and B
     * @param k columns of A
     * @param b right matrix, read from {@code bOffset}
     * @param bOffset index of B's first value
     * @param m columns of B
     * @param s the factor
     * @param c result (k x m), overwritten
     */
    public static void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double s,
                                           double[] c) {
        // C(i,j) = s * sum over samples t of A(t,i) B(t,j): A is read down its columns
        product(a, 0, 1, k, b, bOffset, m, n, k, m, s, c);
    }

    /** C (rows x m) = s · A · B with A(i,p) = a[aOffset + i·aRow + p·aCol] and B(p,j) = b[bOffset + p·ldb + j]. */
    private static void product(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                                int inner, int rows, int m, double s, double[] c) {
        boolean large = (long) rows * inner * m >= RowSplit.PARALLEL_WORK;
        if (VECTOR && large) {
            largeProducts++;
            // threads share the rows of C (the neurons, for dW = deltaᵀ · a_prev)
            RowSplit.run(rows, true, (from, to) ->
                    VectorKernels.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        } else if (VECTOR && tilesWarm()) {
            VectorKernels.product(a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        } else if (!large) {
            RowKernels.product(VECTOR, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, 0, rows);
        } else {
            // the plain loops, shared by rows of C as well
            RowSplit.run(rows, true, (from, to) ->
                    RowKernels.product(false, a, aOffset, aRow, aCol, b, bOffset, ldb, inner, m, s, c, from, to));
        }
    }

    /**
     * Adds a row vector to every row: C[i][j] += v[j], for C n x m.
     *
     * @param c matrix (n x m), modified
     * @param n rows
     * @param m columns
     * @param v row vector of length m, read
     */
    public static void addRowVector(double[] c, int n, int m, double[] v) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                c[ci + j] += v[j];
            }
        }
    }

    /**
     * Column sums: out[j] = sum_i A[i][j], for A n x m.
     *
     * @param a matrix (n x m), read
     * @param n rows
     * @param m columns
     * @param out sums (length m), overwritten
     */
    public static void sumRows(double[] a, int n, int m, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0.0);
        for (int i = 0; i < n; i++) {
            int ai = i * m;
            for (int j = 0; j < m; j++) {
                out[j] += a[ai + j];
            }
        }
    }

    /**
     * y = y + s · x on the first {@code count} values, each as {@code y[i] + (s * x[i])} with two
     * roundings; long arrays are shared between threads. Used for the gradient-descent step
     * w = w - learningRate · dL/dw.
     *
     * @param y values, modified
     * @param s the factor
     * @param x values, read
     * @param count how many values
     */
    public static void addScaled(double[] y, double s, double[] x, int count) {
        if (count < RowSplit.PARALLEL_VALUES) {
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

    /**
     * Work on the indices {@code from} to {@code to - 1}: values of an array for {@link #inParts}, and
     * inside this package the rows of a product, each range on one thread.
     */
    @FunctionalInterface
    public interface Range {
        /**
         * Does the work for one range.
         *
         * @param from first index
         * @param to one past the last index
         */
        void compute(int from, int to);
    }

    /**
     * The fewest values for which {@link #inParts} shares the work between threads: an element-wise
     * function as costly as an exponential takes tens of microseconds on this many, and handing a
     * part to a helper thread under one.
     */
    public static final int SHARED_FUNCTION_VALUES = 1 << 12;

    /**
     * Does element-wise work on values 0 to {@code count - 1}: on several threads, in one range each,
     * if there are {@link #SHARED_FUNCTION_VALUES} or more, else (or while the helper threads are
     * busy with another caller's work) on the caller's thread in one range. Each value must depend
     * only on itself, so that the result is the same on any number of threads.
     *
     * @param count how many values
     * @param body the work, for a range of values
     */
    public static void inParts(int count, Range body) {
        RowSplit.run(count, count >= SHARED_FUNCTION_VALUES, body);
    }

    /**
     * Copies {@code count} values, like {@link System#arraycopy}; long runs are shared between
     * threads, so that reading a mini-batch from a large data set (from main memory, most of the time)
     * runs on every core at once. The arrays must not overlap.
     *
     * @param src values, read from {@code srcPos}
     * @param srcPos index of the first value read
     * @param dst values, written from {@code dstPos}
     * @param dstPos index of the first value written
     * @param count how many values
     */
    public static void copy(double[] src, int srcPos, double[] dst, int dstPos, int count) {
        if (count < RowSplit.PARALLEL_VALUES) {
            System.arraycopy(src, srcPos, dst, dstPos, count);
            return;
        }
        RowSplit.run(count, true, (from, to) -> System.arraycopy(src, srcPos + from, dst, dstPos + from, to - from));
    }

    /**
     * Starts copying rows {@code order[from + i]} (or {@code from + i} if {@code order} is null) of
     * {@code src}, each {@code width} values long, to row i of {@code dst}, for i below {@code rows}:
     * a large copy (32,768 values or more, with more than one thread) is made by the helper threads
     * while they have nothing else to do, and finished by {@link PendingCopy#await()}; a small one is
     * made at once. Training copies the next mini-batch this way while it computes the current one.
     * Until {@code await()} returns, {@code dst} must be neither read nor written, and {@code order}
     * not changed.
     *
     * @param src the matrix, row-major, read
     * @param order row indices, read; or null for consecutive rows
     * @param from first position in {@code order} (or first row)
     * @param rows how many rows
     * @param width values per row
     * @param dst destination, row-major from index 0
     * @return the copy, to {@link PendingCopy#await()} before using {@code dst}
     * @throws IndexOutOfBoundsException if a row is outside {@code src}
     * @throws IllegalArgumentException if the rows do not fit {@code dst}
     */
    public static PendingCopy copyRowsLater(double[] src, int[] order, int from, int rows, int width, double[] dst) {
        PendingCopy copy = new PendingCopy(src, order, from, rows, width, dst);
        if (copiesLater((long) rows * width)) {
            RowSplit.offer(copy.work);
        } else {
            copy.await();
        }
        return copy;
    }

    /**
     * Whether {@link #copyRowsLater} hands a copy of this many values to helper threads (or makes
     * it at once): for 32,768 values or more, with more than one thread.
     *
     * @param values rows times values per row
     * @return true if the copy would be made while the caller goes on
     */
    public static boolean copiesLater(long values) {
        return values >= RowSplit.PARALLEL_VALUES && RowSplit.threads() >= 2;
    }

    /**
     * Multiplies the first {@code count} values by {@code factor}.
     *
     * @param x values, modified
     * @param count how many values
     * @param factor the multiplier
     */
    public static void scale(double[] x, int count, double factor) {
        for (int i = 0; i < count; i++) {
            x[i] *= factor;
        }
    }
}
