/**
 * A headless runner for IJava notebooks: {@link io.github.backprop.notebook.NotebookRunner} runs
 * cells as IJava 1.3.0 does and writes nbformat 4 outputs; {@link io.github.backprop.notebook.NotebookRunnerMain}
 * is its command line.
 */
package io.github.backprop.notebook;
