package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Shape;

import java.util.List;

/**
 * Everything backpropagation computed for one layer, one row per sample (for z, a, f'(z), delta)
 * and averaged over the samples (for dW, db and every other parameter gradient).
 *
 * <p>Each row is one sample's values, flat, laid out as {@link #zShape()} (z, f'(z), delta) and
 * {@link #aShape()} (a) say:
 * <ul>
 *   <li>dense: one value per neuron;</li>
 *   <li>convolution and max pooling: an image [channel][row][col], so value (c, i, j) is in column
 *       {@code (c * height + i) * width + j}; {@code Shape.Image.channel(row, c)} cuts out one
 *       channel as a height x width matrix;</li>
 *   <li>recurrent: z, f'(z) and delta keep every time step, [step][hidden], so delta_t (t from 1)
 *       of a sample is columns {@code (t - 1) * hidden} to {@code t * hidden - 1}: read it with
 *       {@link #deltaAtStep(int)} or {@link RecurrentTrace}; a is h_T (or every h_t).</li>
 * </ul>
 *
 * @param layer the layer number l, from 1
 * @param activation the layer's f (identity for max pooling and flatten)
 * @param z weighted inputs (z = W a_prev + b for a dense layer)
 * @param a activations a = f(z)
 * @param fPrime f'(z), entry by entry; null for softmax, whose derivative is a matrix per sample
 * @param delta dL/dz
 * @param weights the layer's first weight parameter at the time of the trace: W for a dense
 *     layer, the kernels K for a convolution, W_x for a recurrent layer; an empty 0 x 0 matrix
 *     for layers without weights
 * @param biases b at the time of the trace (one row); empty 0 x 0 for layers without biases
 * @param dW the gradient of {@code weights} (dL/dW = delta a_prevᵀ for a dense layer), averaged
 *     over the samples; empty 0 x 0 for layers without weights
 * @param db dL/db = delta, averaged over the samples (one row); empty 0 x 0 for layers without biases
 * @param description the layer in words, e.g. {@code dense 2 -> 1 (sigmoid)}
 * @param zShape the layout of one row of z, f'(z) and delta
 * @param aShape the layout of one row of a
 * @param parameters every parameter of the layer with its value and gradient, in the layer's
 *     order (e.g. W, b; K, b; Wx, Wh, b); empty for max pooling and flatten
 */
public record LayerTrace(int layer, Activation activation, Matrix z, Matrix a, Matrix fPrime, Matrix delta,
                         Matrix weights, Matrix biases, Matrix dW, Matrix db, String description, Shape zShape,
                         Shape aShape, List<ParameterTrace> parameters) {

    private static final Matrix NONE = Matrix.copyOf(0, 0, new double[0], 0);

    /** Makes the parameter list unmodifiable. */
    public LayerTrace {
        parameters = List.copyOf(parameters);
    }

    /**
     * The trace of a dense layer from its values alone (shapes and parameters W, b follow from
     * the matrices).
     *
     * @param layer the layer number l, from 1
     * @param activation the layer's f
     * @param z weighted inputs z = W a_prev + b
     * @param a activations a = f(z)
     * @param fPrime f'(z), or null for softmax
     * @param delta dL/dz
     * @param weights W at the time of the trace
     * @param biases b at the time of the trace (one row)
     * @param dW dL/dW, averaged over the samples
     * @param db dL/db, averaged over the samples (one row)
     */
    public LayerTrace(int layer, Activation activation, Matrix z, Matrix a, Matrix fPrime, Matrix delta,
                      Matrix weights, Matrix biases, Matrix dW, Matrix db) {
        this(layer, activation, z, a, fPrime, delta, weights, biases, dW, db,
                "dense " + weights.cols() + " -> " + weights.rows() + " (" + activation + ")",
                Shape.vector(z.cols()), Shape.vector(a.cols()),
                List.of(new ParameterTrace("W" + layer, Parameter.Kind.WEIGHTS, weights, dW),
                        new ParameterTrace("b" + layer, Parameter.Kind.BIASES, biases, db)));
    }

    /**
     * The trace of a layer of any type; {@code weights}, {@code biases}, {@code dW} and
     * {@code db} are taken from the first weight and bias parameters (or left empty).
     *
     * @param layer the layer number l, from 1
     * @param activation the layer's f
     * @param z weighted inputs
     * @param a activations
     * @param fPrime f'(z), or null for softmax
     * @param delta dL/dz
     * @param description the layer in words
     * @param zShape the layout of one row of z, f'(z) and delta
     * @param aShape the layout of one row of a
     * @param parameters every parameter with its value and gradient
     */
    public LayerTrace(int layer, Activation activation, Matrix z, Matrix a, Matrix fPrime, Matrix delta,
                      String description, Shape zShape, Shape aShape, List<ParameterTrace> parameters) {
        this(layer, activation, z, a, fPrime, delta,
                first(parameters, Parameter.Kind.WEIGHTS, true), first(parameters, Parameter.Kind.BIASES, true),
                first(parameters, Parameter.Kind.WEIGHTS, false), first(parameters, Parameter.Kind.BIASES, false),
                description, zShape, aShape, parameters);
    }

    private static Matrix first(List<ParameterTrace> parameters, Parameter.Kind kind, boolean value) {
        for (ParameterTrace p : parameters) {
            if (p.kind() == kind) {
                return value ? p.value() : p.gradient();
            }
        }
        return NONE;
    }

    /**
     * The parameter with this name.
     *
     * @param name e.g. {@code W1}, {@code K1}, {@code Wh2}
     * @return its value and gradient
     * @throws IllegalArgumentException if the layer has no such parameter, listing the ones it has
     */
    public ParameterTrace parameter(String name) {
        for (ParameterTrace p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("layer " + layer + " has no parameter " + name + "; it has "
                + parameters.stream().map(ParameterTrace::name).toList());
    }

    /**
     * delta_t of a recurrent layer: one row per sample, one column per hidden value.
     *
     * @param t the time step, from 1 to T
     * @return dL/dz_t
     * @throws IllegalStateException if this layer is not recurrent
     */
    public Matrix deltaAtStep(int t) {
        return RecurrentTrace.of(this).delta(t);
    }

    /**
     * The size of the error that reaches this layer: ||delta[l]||, the Euclidean norm of one
     * sample's delta (all its values: every neuron; every position of a convolution; every time
     * step of a recurrent layer), averaged over the samples. Layer by layer, it shows whether the
     * error shrinks (vanishes) or grows (explodes) on its way back to the input.
     *
     * @return the mean norm, 0 if no error reaches the layer
     */
    public double deltaNorm() {
        return meanRowNorm(delta);
    }

    /** The Euclidean norm of each row (one sample's values), averaged over the rows. */
    static double meanRowNorm(Matrix m) {
        double sum = 0;
        for (int n = 0; n < m.rows(); n++) {
            // ||delta_n|| = sqrt(sum_j delta_nj^2)
            sum += Matrix.rowVector(m.row(n)).norm();
        }
        return sum / m.rows();
    }

}
