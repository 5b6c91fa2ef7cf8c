/**
 * Loss functions L, each with its gradient dL/da beside it; the batch loss is the mean over samples.
 */
package io.github.backprop.loss;
