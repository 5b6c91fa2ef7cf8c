/**
 * The immutable {@link io.github.backprop.math.Matrix} that traces, forward passes and gradients
 * hand out to readers.
 */
package io.github.backprop.math;
