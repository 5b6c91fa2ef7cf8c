package io.github.backprop.train;

import io.github.backprop.internal.kernel.Kernels;

/**
 * The helper threads that share large products between the processors (during training, and in
 * predictions and scores of large batches): daemon threads named {@code backprop-kernels-1},
 * {@code backprop-kernels-2}, ..., one fewer than the thread count ({@code -Dbackprop.threads=N},
 * by default the number of processors). They start with the first product large enough to share
 * (about a million multiply-adds), so the small networks of the tutorials never start them. A helper
 * that has had nothing to do for 50 microseconds is parked and uses no processor time; being daemon
 * threads, they never keep the JVM from ending.
 *
 * <p>A long-lived JVM that wants them gone, such as a notebook kernel unloading the library, a
 * server undeploying an application, or a test checking for leftover threads, calls
 * {@link #shutdown()}. The next large product starts them again, so shutting them down is always
 * safe.
 */
public final class HelperThreads {
    private HelperThreads() {
    }

    /**
     * Ends the helper threads, after they finish the product they are computing, and returns once
     * they have ended. Training, predicting or scoring on other threads meanwhile goes on, on the
     * caller's thread alone or with helpers started anew.
     *
     * @throws IllegalStateException if called from a helper thread itself
     */
    public static void shutdown() {
        Kernels.shutdownHelpers();
    }

    /**
     * How many helper threads are running now.
     *
     * @return 0 before the first large product and after {@link #shutdown()}; else the thread count
     *     minus one
     */
    public static int running() {
        return Kernels.runningHelpers();
    }
}
