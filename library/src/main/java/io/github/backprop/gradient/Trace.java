package io.github.backprop.gradient;

import io.github.backprop.loss.Loss;
import io.github.backprop.math.Matrix;

import java.util.List;

/**
 * A complete forward and backward pass, as immutable values: what a notebook shows as tables.
 * Made by {@link Backpropagation#trace}.
 *
 * @param input the samples a_0 (one per row)
 * @param target the targets y (one per row)
 * @param loss the loss function
 * @param lossValue the mean loss of these samples
 * @param layers layers 1..L in order
 */
public record Trace(Matrix input, Matrix target, Loss loss, double lossValue, List<LayerTrace> layers) {

    /** Makes the layer list unmodifiable. */
    public Trace {
        layers = List.copyOf(layers);
    }

    /**
     * Layer {@code l}'s trace, counted from 1.
     *
     * @param l the layer number
     * @return its values and gradients
     */
    public LayerTrace layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " is not in this trace (layers 1 to " + layers.size() + ")");
        }
        return layers.get(l - 1);
    }

    /** The network's output a[out]. */
    public Matrix output() {
        return layers.get(layers.size() - 1).a();
    }

    /**
     * The recurrent layer {@code l}'s trace, read by time step.
     *
     * @param l the layer number, from 1
     * @return z_t, h_t and delta_t per step
     * @throws IllegalStateException if layer l is not recurrent
     */
    public RecurrentTrace recurrent(int l) {
        return RecurrentTrace.of(layer(l));
    }

    /** A readable summary: loss, then per layer z, a, delta and the gradient of every parameter (dW, db, ...). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("L (").append(loss.name()).append(") = ").append(lossValue);
        for (LayerTrace t : layers) {
            int l = t.layer();
            sb.append("\nlayer ").append(l).append(" (").append(t.activation()).append(")")
                    .append("\n  z").append(l).append(" = ").append(t.z())
                    .append("\n  a").append(l).append(" = ").append(t.a())
                    .append("\n  delta").append(l).append(" = ").append(t.delta());
            for (ParameterTrace p : t.parameters()) {
                sb.append("\n  d").append(p.name()).append(" = ").append(p.gradient());
            }
        }
        return sb.toString();
    }
}
