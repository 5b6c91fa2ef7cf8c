/**
 * A headless runner for IJava notebooks: {@link io.github.backprop.notebook.NotebookRunner} runs
 * cells as IJava 1.3.0 does and writes nbformat 4 outputs; {@link io.github.backprop.notebook.NotebookRunnerMain}
 * is its command line.
 *
 * <p>Two processes take part, and each class belongs to one of them:
 * <ul>
 *   <li>In the runner's JVM: {@code NotebookRunner} (the API), {@code KernelProcess} (starts the
 *       notebook's JVM, enforces the cell timeout, notices its end), {@code EventFile} (reads its
 *       events), {@code NotebookAssembly} and {@code CellOutputs} (turn events into nbformat
 *       outputs), {@code NotebookFile} (reads and atomically writes notebooks), {@code Cleanup}
 *       (the shutdown hook).</li>
 *   <li>In the notebook's JVM, the kernel side: {@code CellExecutor} (its entry point and cell
 *       loop), {@code CellEvaluator} (JShell), {@code LineMagics} (the magic dialect),
 *       {@code RunnerExecutionControl}, {@code RunnerKernel} and the statics in
 *       {@code io.github.backprop.notebook.runtime} (what cells see of the kernel),
 *       {@code CellStreams}, {@code MimeBundles} and {@code EventChannel} (what it reports).</li>
 *   <li>Between them: {@code KernelEvent} (the events, one JSON line each) and {@code CodeCell}
 *       (the cells handed over).</li>
 * </ul>
 */
package io.github.backprop.notebook;
