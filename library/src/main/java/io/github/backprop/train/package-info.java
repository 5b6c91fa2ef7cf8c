/**
 * The training loop: epochs over mini-batches, history, early stopping, divergence and interruption.
 */
package io.github.backprop.train;
