package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Shape;

/**
 * A recurrent layer's trace read step by step: z_t, h_t and delta_t for t = 1..T, the size of
 * delta_t at every step (how the error fades, or grows, as it travels back in time), and the
 * parameters W_x, W_h, b with their gradients.
 *
 * <p>Made from a {@link LayerTrace} of a recurrent layer with {@link #of(LayerTrace)}; each
 * per-step matrix has one row per sample and one column per hidden value.
 *
 * @param trace the layer's trace
 * @param steps the number of time steps T
 * @param hiddenSize the size of h
 */
public record RecurrentTrace(LayerTrace trace, int steps, int hiddenSize) {

    /**
     * Reads a recurrent layer's trace by time step.
     *
     * @param trace the trace of a recurrent layer
     * @return the step-by-step view
     * @throws IllegalStateException if the layer is not recurrent (its z is not one row of values per time step)
     */
    public static RecurrentTrace of(LayerTrace trace) {
        // a recurrent layer keeps z for every step and has the parameters [W_x, W_h, b] (RecurrentLayer.parameters())
        if (!(trace.zShape() instanceof Shape.Sequence s) || trace.parameters().size() != 3) {
            throw new IllegalStateException("layer " + trace.layer() + " (" + trace.description()
                    + ") is not recurrent: it has no time steps");
        }
        return new RecurrentTrace(trace, s.steps(), s.features());
    }

    /**
     * z_t = W_x x_t + W_h h_{t-1} + b.
     *
     * @param t the time step, from 1 to T
     * @return one row per sample
     */
    public Matrix z(int t) {
        return step(trace.z(), t);
    }

    /**
     * h_t = tanh(z_t), the hidden state after step t.
     *
     * @param t the time step, from 1 to T
     * @return one row per sample
     */
    public Matrix h(int t) {
        Matrix z = z(t);
        Activation f = trace.activation();
        double[][] h = z.toArray();
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] = f.value(row[j]);
            }
        }
        return Matrix.of(h);
    }

    /**
     * delta_t = dL/dz_t = f'(z_t) * (dL/dh_t from above + W_hᵀ delta_{t+1}).
     *
     * @param t the time step, from 1 to T
     * @return one row per sample
     */
    public Matrix delta(int t) {
        return step(trace.delta(), t);
    }

    /**
     * The size of the error that reaches step t: ||delta_t||, the Euclidean norm over the hidden
     * values, averaged over the samples. With only h_T passed on, it usually shrinks from t = T
     * back to t = 1: the vanishing gradient over time.
     *
     * @param t the time step, from 1 to T
     * @return the mean norm
     */
    public double deltaNorm(int t) {
        return LayerTrace.meanRowNorm(delta(t));
    }

    /**
     * {@link #deltaNorm(int)} for t = 1..T, in order (index t - 1 holds step t).
     *
     * @return T mean norms
     */
    public double[] deltaNorms() {
        double[] norms = new double[steps];
        for (int t = 1; t <= steps; t++) {
            norms[t - 1] = deltaNorm(t);
        }
        return norms;
    }

    /** W_x and dW_x. */
    public ParameterTrace inputWeights() {
        return trace.parameters().get(0);
    }

    /** W_h and dW_h. */
    public ParameterTrace recurrentWeights() {
        return trace.parameters().get(1);
    }

    /** b and db. */
    public ParameterTrace biases() {
        return trace.parameters().get(2);
    }

    private Matrix step(Matrix perSample, int t) {
        if (t < 1 || t > steps) {
            throw new IndexOutOfBoundsException("time step " + t + " does not exist: steps are numbered 1 to " + steps);
        }
        double[][] out = new double[perSample.rows()][];
        for (int n = 0; n < perSample.rows(); n++) {
            double[] row = perSample.row(n);
            out[n] = java.util.Arrays.copyOfRange(row, (t - 1) * hiddenSize, t * hiddenSize);
        }
        return Matrix.of(out);
    }
}
