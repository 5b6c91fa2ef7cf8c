package io.github.backprop.gradient;

import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Parameter;

/**
 * One parameter of a traced layer: its value and its gradient, as immutable matrices.
 *
 * @param name the notebook name, e.g. {@code W1}, {@code b1}, {@code K1}, {@code Wx2}, {@code Wh2}
 * @param kind WEIGHTS or BIASES
 * @param value the value at the time of the trace (same layout as the {@link Parameter})
 * @param gradient dL/d(value), averaged over the samples
 */
public record ParameterTrace(String name, Parameter.Kind kind, Matrix value, Matrix gradient) {
}
