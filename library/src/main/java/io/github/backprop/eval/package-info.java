/**
 * Predictions, loss and accuracy, confusion matrices with precision, recall and F1 per class, and
 * per-tag scores of multi-label networks.
 */
package io.github.backprop.eval;
