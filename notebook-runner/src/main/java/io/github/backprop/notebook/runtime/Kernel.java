package io.github.backprop.notebook.runtime;

import io.github.backprop.notebook.IJavaRunnerKernel;

/** IJava's {@code getKernelInstance()} static, with the kernel the runner renders with. */
public final class Kernel {
    private Kernel() {
    }

    /** The running kernel (a basekernel {@code BaseKernel}). */
    public static IJavaRunnerKernel getKernelInstance() {
        return IJavaRunnerKernel.current();
    }
}
