package io.github.backprop.notebook.runtime;

import io.github.backprop.notebook.JJavaRunnerKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * The statics JJava imports into every notebook besides its API's {@code BaseNotebookStatics}
 * ({@code org.dflib.jjava.kernel.JavaNotebookStatics}): {@code kernel()}, and the deprecated
 * {@code getKernelInstance()}, which prints JJava's warning to stderr. They return the runner's
 * {@link JJavaRunnerKernel} where JJava returns its {@code JavaKernel}.
 */
public final class JavaNotebookStatics {
    /** What JJava prints to stderr when a notebook calls {@code getKernelInstance()}. */
    public static final String GET_KERNEL_INSTANCE_WARNING =
            "'getKernelInstance()' was deprecated in favor of 'kernel()' and will be eventually removed.";

    private JavaNotebookStatics() {
    }

    /**
     * The running kernel, printing JJava's deprecation warning to stderr.
     *
     * @return the kernel
     * @deprecated as in JJava: use {@link #kernel()}
     */
    @Deprecated(since = "1.0", forRemoval = true)
    public static JJavaRunnerKernel getKernelInstance() {
        System.err.println(GET_KERNEL_INSTANCE_WARNING);
        return kernel();
    }

    /**
     * The running kernel.
     *
     * @return {@code BaseKernel.notebookKernel()}
     * @throws NullPointerException outside the notebook's lifecycle, as in JJava
     */
    public static JJavaRunnerKernel kernel() {
        return (JJavaRunnerKernel) BaseKernel.notebookKernel();
    }
}
