/**
 * The immutable Matrix for readers, and the in-place MatrixKernels behind the training loop.
 */
package io.github.backprop.math;
