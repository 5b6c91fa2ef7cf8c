/**
 * What a notebook's code sees of the runner: in IJava's dialect the statics of IJava's
 * {@code io.github.spencerpark.ijava.runtime} ({@code display}, {@code render}, {@code updateDisplay}
 * in {@link io.github.backprop.notebook.runtime.Display}, {@code getKernelInstance} in
 * {@link io.github.backprop.notebook.runtime.Kernel}); in JJava's dialect those of JJava's
 * {@code org.dflib.jjava.kernel.JavaNotebookStatics} ({@code kernel}, {@code getKernelInstance} in
 * {@link io.github.backprop.notebook.runtime.JavaNotebookStatics}), beside JJava's own
 * {@code BaseNotebookStatics}.
 */
package io.github.backprop.notebook.runtime;
