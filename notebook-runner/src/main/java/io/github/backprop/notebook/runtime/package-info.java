/**
 * What a notebook's code sees of the runner, mirroring IJava's {@code io.github.spencerpark.ijava.runtime}:
 * {@code display}, {@code render}, {@code updateDisplay} and {@code getKernelInstance}.
 */
package io.github.backprop.notebook.runtime;
