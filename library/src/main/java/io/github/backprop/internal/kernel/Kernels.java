package io.github.backprop.internal.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Not API: the fast arithmetic of training, behind one interface (this abstract class, which only its
 * package extends), chosen once per JVM by
 * {@link #chosen()}.
 *
 * <p>The layers say <em>what</em> is computed, as loops with the equation above each line
 * ({@code nn.DenseLayer} is the reference); these kernels compute the same sums faster, on plain
 * row-major {@code double[]} arrays. Each method writes its result into the output array given last
 * and modifies nothing else. Arrays may be longer than needed; only the leading {@code rows * cols}
 * values (after the offset) are read or written. Output arrays must not overlap the inputs. Shapes
 * use the names of the textbook product: {@code A} is n x k, {@code B} as stated, {@code C} the result.
 *
 * <p>The implementations:
 * <ul>
 *   <li>{@code PlainKernels}: loops along the rows of C that the JIT vectorises itself
 *       ({@code RowLoops}); every entry adds A(i,p)·B(p,j) in ascending p with a separate multiply
 *       and add, so the sums are the textbook loops' bit for bit. Chosen without the Vector API
 *       (the notebooks, Binder).</li>
 *   <li>{@code VectorApiKernels}: with the JVM option {@code --add-modules jdk.incubator.vector},
 *       register tiles on the incubating Vector API ({@code VectorTiles}) for large products, and
 *       the same row loops with fused multiply-adds for small ones (by size alone). Both take each
 *       term with one rounding instead of two ({@code fma}), so results differ from the plain
 *       kernels in the last digits; each is deterministic.</li>
 * </ul>
 * Large products, long updates and copies, and element-wise work on many values are shared between
 * threads ({@code RowSplit}); every entry is computed by one thread in a fixed order, so no result
 * depends on the number of threads. The kernels keep no state between calls, so any number of
 * threads may call them at once.
 */
public abstract class Kernels {
    /** Only this package makes kernels: {@link #chosen()} and {@link #everyPath()} hand them out. */
    Kernels() {
    }


    /**
     * The kernels this JVM uses: the one place where they are chosen. The system property
     * {@code backprop.kernels} picks {@code vector} (the default when the JVM has
     * {@code jdk.incubator.vector}), {@code plain} (the default otherwise) or {@code reference}
     * (the layers and the optimiser run their own loops, on one thread: {@link #fast()} is then
     * null, and what these kernels still do, element-wise work and copies, stays on one thread).
     *
     * @return the kernels, never null
     * @throws ExceptionInInitializerError naming the problem, if the property asks for something unknown
     *     or for {@code vector} in a JVM without the Vector API
     */
    public static Kernels chosen() {
        return KernelChoice.KERNELS;
    }

    /**
     * The kernels that compute the layers' sums in place of their loops, or null if the JVM runs with
     * {@code -Dbackprop.kernels=reference}, where the layers' own loops compute them.
     *
     * @return {@link #chosen()}, or null
     */
    public static Kernels fast() {
        return KernelChoice.FAST;
    }

    /**
     * Ends the helper threads that share large products (named {@code backprop-kernels-N}, daemon),
     * after they finish what they are doing; the next large product starts them again. For code that
     * unloads the library or checks for leftover threads; the public front door is
     * {@code io.github.backprop.train.HelperThreads}.
     */
    public static void shutdownHelpers() {
        RowSplit.shutdown();
    }

    /**
     * How many helper threads are running.
     *
     * @return 0 before the first shared product and after {@link #shutdownHelpers()}, else up to the
     *     thread count minus one
     */
    public static int runningHelpers() {
        return RowSplit.runningHelpers();
    }

    /**
     * One instance of every way the kernels can compute, each forced down its path whatever the size
     * of the product, for tests that compare them with the readable loops: the plain row loops, alone
     * and shared between threads; with the Vector API also the fused row loops, the tiles, and the
     * tiles shared between threads.
     *
     * @return the kernels, each with a {@link #description()} naming its path
     */
    public static List<Kernels> everyPath() {
        List<Kernels> paths = new ArrayList<>();
        paths.add(new PlainKernels(Sharing.NEVER));
        paths.add(new PlainKernels(Sharing.ALWAYS));
        if (KernelChoice.VECTOR_API) {
            paths.add(new VectorApiKernels(Sharing.NEVER, VectorApiKernels.Tiles.LARGE_ONLY));
            paths.add(new VectorApiKernels(Sharing.NEVER, VectorApiKernels.Tiles.ALWAYS));
            paths.add(new VectorApiKernels(Sharing.ALWAYS, VectorApiKernels.Tiles.ALWAYS));
        }
        return paths;
    }

    /**
     * Which kernels these are, for reports: "vector", "plain" or "reference", with the thread count.
     *
     * @return e.g. {@code "vector (512-bit), 2 threads"}
     */
    public abstract String description();

    /**
     * Whether each product term is fused in with one rounding ({@code fma}) rather than multiplied
     * and then added: true for the Vector API kernels.
     *
     * @return true if fused
     */
    public abstract boolean fused();

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
    public abstract void multiplyTransposedB(double[] a, int aOffset, int n, int k, double[] b, int m, double[] c);

    /**
     * C = A · B, with A n x k, B k x m and C n x m. Used for the sums passed down, delta · W.
     *
     * @param a left matrix (n x k), read
     * @param n rows of A
     * @param k columns of A, rows of B
     * @param b right matrix (k x m), read
     * @param m columns of B
     * @param c result (n x m), overwritten
     */
    public abstract void multiply(double[] a, int n, int k, double[] b, int m, double[] c);

    /**
     * C = s · Aᵀ · B, with A n x k, B n x m (from {@code bOffset}) and C k x m: each sum over the n
     * rows multiplied by {@code s} as it is stored. Used for dW = (1/B) deltaᵀ · a_prev.
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
    public abstract void multiplyTransposedA(double[] a, int n, int k, double[] b, int bOffset, int m, double s,
                                             double[] c);

    /**
     * Adds a row vector to every row: C[i][j] += v[j], for C n x m.
     *
     * @param c matrix (n x m), modified
     * @param n rows
     * @param m columns
     * @param v row vector of length m, read
     */
    public void addRowVector(double[] c, int n, int m, double[] v) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                c[ci + j] += v[j];
            }
        }
    }

    /**
     * y = y + s · x on the first {@code count} values, each as {@code y[i] + (s * x[i])} with two
     * roundings. Used for the gradient-descent step w = w - learningRate · dL/dw.
     *
     * @param y values, modified
     * @param s the factor
     * @param x values, read
     * @param count how many values
     */
    public abstract void addScaled(double[] y, double s, double[] x, int count);

    /**
     * Whether {@link #elementwise} shares this many values between threads. A caller that does
     * cheap work on few values can then run its loop directly, without making a {@link Range}.
     *
     * @param count how many values
     * @return true if the values would be shared
     */
    public abstract boolean sharesElementwise(int count);

    /**
     * Does element-wise work on values 0 to {@code count - 1}: shared between threads, one range each,
     * if {@link #sharesElementwise} says so (and the helper threads are not busy with another caller's
     * work), else on the caller's thread in one range. Each value must depend only on itself, so that
     * the result is the same on any number of threads.
     *
     * @param count how many values
     * @param body the work, for a range of values
     */
    public abstract void elementwise(int count, Range body);

    /**
     * Copies {@code count} values, like {@link System#arraycopy}; long runs are shared between threads,
     * so that reading a mini-batch from a large data set (from main memory, mostly) runs on every core.
     * The arrays must not overlap.
     *
     * @param src values, read from {@code srcPos}
     * @param srcPos index of the first value read
     * @param dst values, written from {@code dstPos}
     * @param dstPos index of the first value written
     * @param count how many values
     */
    public abstract void copy(double[] src, int srcPos, double[] dst, int dstPos, int count);

    /**
     * Whether work on this many values is worth handing to the helper threads with {@link #later}:
     * 32,768 values or more, with more than one thread.
     *
     * @param values how many values the work touches
     * @return true if handing it over would let the caller go on while it is done
     */
    public abstract boolean worthDoingLater(long values);

    /**
     * Starts work on indices 0 to {@code count - 1}, {@code perPiece} at a time: the helper threads do
     * pieces while they have nothing else to do, and {@link Pending#await()} does on the caller's thread
     * whatever no helper has started. Training copies the next mini-batch this way while it computes
     * the current one. Until {@code await()} returns, whatever the body writes must be neither read
     * nor written by anyone else.
     *
     * @param count how many indices
     * @param perPiece indices per piece, positive
     * @param body the work, for a range of indices
     * @return the work, to {@link Pending#await()}
     */
    public abstract Pending later(int count, int perPiece, Range body);

    /** Work on the indices {@code from} to {@code to - 1}: rows of a product, or values of an array. */
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

    /** Work started by {@link #later}. */
    public interface Pending {
        /**
         * Returns once all the work is done: does on this thread what no helper has started, then waits
         * for what they are doing, and throws here what their work threw. Calling it again returns at once.
         */
        void await();
    }

    /** When work is shared between threads. */
    public enum Sharing {
        /** Large work only: the thresholds the benchmarks measured (what training uses). */
        BY_SIZE,
        /** Every product and every update, however small (for tests). */
        ALWAYS,
        /** Never: everything on the caller's thread. */
        NEVER
    }
}
