package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * Stands in for IJava 1.3.0's main class in the library's tests (IJava is not on Maven Central): as
 * in IJava, the static {@code getKernelInstance()} returns the kernel running in this JVM, a
 * basekernel {@link BaseKernel}, or null when none runs. {@code Notebook.setup()} finds IJava's
 * kernel through it.
 */
public final class IJava {
    private static volatile BaseKernel kernel;

    private IJava() {
    }

    /**
     * The running kernel, as in IJava.
     *
     * @return the kernel, or null
     */
    public static BaseKernel getKernelInstance() {
        return kernel;
    }

    /**
     * Makes {@code running} the running kernel (null: none), as IJava's {@code main} does.
     *
     * @param running the kernel
     */
    public static void run(BaseKernel running) {
        kernel = running;
    }
}
