/**
 * Inline display in Jupyter notebooks, in IJava 1.3.0 and in JJava: {@link io.github.backprop.display.Notebook#setup()}
 * finds the running kernel and registers renderers for tables, charts and results (in JJava the library's
 * {@link io.github.backprop.display.JJavaExtension} does this by itself when the jar is added);
 * {@link io.github.backprop.display.LiveTrainingDisplay} shows training as it happens. Only this package uses a
 * kernel's display API, and only inside that kernel: the library loads and runs without either API.
 */
package io.github.backprop.display;
