/**
 * Inline display in IJava notebooks: {@link io.github.backprop.display.Notebook#setup} registers renderers for tables,
 * charts and results; {@link io.github.backprop.display.LiveTrainingDisplay} shows training as it happens. Only this
 * package uses the kernel's display API.
 */
package io.github.backprop.display;
