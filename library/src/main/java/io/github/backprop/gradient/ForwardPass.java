package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.Matrix;

import java.util.List;

/**
 * Every z and a of a forward pass, as immutable values (one row per sample).
 *
 * @param input the samples, a_0
 * @param layers layers 1..L in order
 */
public record ForwardPass(Matrix input, List<LayerValues> layers) {

    /** Makes the layer list unmodifiable. */
    public ForwardPass {
        layers = List.copyOf(layers);
    }

    /**
     * One layer's values.
     *
     * @param layer the layer number l, from 1
     * @param activation its activation f
     * @param z weighted inputs z[l] = W[l] a[l-1] + b[l] (laid out as the layer's zShape: for a
     *     recurrent layer every step's z_t, [step][hidden])
     * @param a activations a[l] = f(z[l]) (laid out as the layer's outputShape)
     */
    public record LayerValues(int layer, Activation activation, Matrix z, Matrix a) {
    }

    /** The network's output a[out]. */
    public Matrix output() {
        return layers.get(layers.size() - 1).a();
    }

    /**
     * Layer {@code l}'s values, counted from 1.
     *
     * @param l the layer number
     * @return its z and a
     */
    public LayerValues layer(int l) {
        return layers.get(l - 1);
    }

    /** One line per layer with its z and a. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("a0 = ").append(input);
        for (LayerValues v : layers) {
            sb.append('\n').append("z").append(v.layer()).append(" = ").append(v.z())
                    .append("  a").append(v.layer()).append(" = ").append(v.a());
        }
        return sb.toString();
    }
}
