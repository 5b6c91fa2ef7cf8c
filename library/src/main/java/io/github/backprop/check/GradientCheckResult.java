package io.github.backprop.check;

import io.github.backprop.nn.Parameter;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link GradientCheck}: for each layer and parameter kind, the value with the
 * largest relative error between backpropagation and finite differences.
 *
 * @param entries one per parameter, in order W1, b1, W2, b2, ...
 * @param step the finite-difference step h used
 */
public record GradientCheckResult(List<Entry> entries, double step) {

    /** Copies the list. */
    public GradientCheckResult {
        entries = List.copyOf(entries);
    }

    /**
     * The worst value of one parameter.
     *
     * @param layer the layer, from 1
     * @param kind weights or biases
     * @param name W1, b1, ...
     * @param row row of the worst value
     * @param col column of the worst value
     * @param analytic its backpropagated gradient
     * @param numeric its finite-difference gradient
     * @param relativeError their relative error (see {@link GradientCheck#relativeError})
     */
    public record Entry(int layer, Parameter.Kind kind, String name, int row, int col, double analytic,
                        double numeric, double relativeError) {
    }

    /** The largest relative error over all parameters. */
    public double maxRelativeError() {
        double max = 0;
        for (Entry e : entries) {
            if (Double.isNaN(e.relativeError())) {
                return Double.NaN;
            }
            max = Math.max(max, e.relativeError());
        }
        return max;
    }

    /**
     * True if every relative error is below {@code tolerance}.
     *
     * @param tolerance e.g. 1e-7
     * @return whether the gradients agree
     */
    public boolean passes(double tolerance) {
        double max = maxRelativeError();
        return !Double.isNaN(max) && max < tolerance;
    }

    /** One line per parameter: its worst value and the relative error. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("gradient check (h = " + step + ")");
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%n  %-4s worst at [%d][%d]: analytic %.10g, numeric %.10g, relative error %.2e",
                    e.name(), e.row(), e.col(), e.analytic(), e.numeric(), e.relativeError()));
        }
        return sb.toString();
    }
}
