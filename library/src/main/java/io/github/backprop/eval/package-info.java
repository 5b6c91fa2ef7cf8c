/**
 * Predictions, loss and accuracy, confusion matrices.
 */
package io.github.backprop.eval;
