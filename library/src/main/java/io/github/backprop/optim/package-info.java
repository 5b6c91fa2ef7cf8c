/**
 * Optimisers that turn gradients into updates: SGD, momentum, Adam, with optional L2 weight decay.
 */
package io.github.backprop.optim;
