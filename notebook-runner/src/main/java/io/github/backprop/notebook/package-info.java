/**
 * A headless runner for Java notebooks: {@link io.github.backprop.notebook.NotebookRunner} runs
 * cells as IJava 1.3.0 or JJava does ({@link io.github.backprop.notebook.KernelDialect}) and writes
 * nbformat 4 outputs; {@link io.github.backprop.notebook.NotebookRunnerMain} is its command line.
 *
 * <p>Two processes take part, and each class belongs to one of them:
 * <ul>
 *   <li>In the runner's JVM: {@code NotebookRunner} (the API), {@code KernelProcess} (starts the
 *       notebook's JVM, enforces the cell timeout, notices its end), {@code EventFile} (reads its
 *       events), {@code NotebookAssembly} and {@code CellOutputs} (turn events into nbformat
 *       outputs), {@code NotebookFile} (reads and atomically writes notebooks), {@code Cleanup}
 *       (the shutdown hook).</li>
 *   <li>In the notebook's JVM: {@code CellExecutor} (its entry point and cell loop),
 *       {@code CellEvaluator} (JShell), {@code RunnerExecutionControl} (runs snippets, keeps their
 *       values), {@code CellStreams}, {@code MimeBundles} and {@code EventChannel} (what it
 *       reports); and the kernel being emulated, behind {@code EmulatedKernel}:
 *       <ul>
 *         <li>IJava: {@code IJavaEmulation}, {@code IJavaRunnerKernel} (basekernel's API) and the
 *             statics {@code runtime.Display} and {@code runtime.Kernel};</li>
 *         <li>JJava: {@code JJavaEmulation}, {@code JJavaRunnerKernel} (JJava's API),
 *             {@code JJavaClassLoading} and the statics {@code runtime.JavaNotebookStatics};</li>
 *         <li>both: {@code LineMagics} and {@code Globs} (the magics, in each kernel's words).</li>
 *       </ul></li>
 *   <li>Between them: {@code KernelEvent} (the events, one JSON line each), {@code CodeCell}
 *       (the cells handed over), {@code KernelDialect} and {@code KernelClassPath} (the notebook
 *       JVM's class path in each dialect).</li>
 * </ul>
 */
package io.github.backprop.notebook;
