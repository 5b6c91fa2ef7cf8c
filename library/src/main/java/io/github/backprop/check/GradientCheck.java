package io.github.backprop.check;

import io.github.backprop.backprop.Backpropagation;
import io.github.backprop.backprop.LayerTrace;
import io.github.backprop.backprop.Trace;
import io.github.backprop.loss.Loss;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Inputs;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks backpropagation's gradients against central finite differences, parameter by parameter.
 *
 * <p>For every weight and bias w, the numeric gradient is the five-point central difference
 * <pre>
 *   dL/dw ~ [ -L(w + 2h) + 8 L(w + h) - 8 L(w - h) + L(w - 2h) ] / (12 h)
 * </pre>
 * (the familiar [L(w + h) - L(w - h)] / 2h, refined so that its error shrinks like h^4 instead of
 * h^2). The relative error of one value is
 * <pre>
 *   |analytic - numeric| / max(|analytic|, |numeric|, 1e-6)
 * </pre>
 * The floor of 1e-6 keeps gradients that are practically zero from dividing rounding noise by
 * almost nothing. Correct backpropagation gives relative errors around 1e-9 or below in double
 * precision; a mistake gives errors near 1.
 *
 * <p>Max pooling and ReLU have kinks: where two values of a pooling window (almost) tie, or a
 * ReLU's z is within 2h of 0, the nudged losses lie on different pieces and the numeric estimate
 * is wrong, not backpropagation. Check such networks on samples away from the kinks.
 *
 * <p>The network is left exactly as it was: every value is restored after it is nudged, and the
 * stored gradients are not touched.
 */
public final class GradientCheck {
    /** The default step h. */
    public static final double DEFAULT_STEP = 1e-3;
    /** The smallest denominator of a relative error. */
    public static final double DENOMINATOR_FLOOR = 1e-6;

    private GradientCheck() {
    }

    /**
     * Runs the check with the default step.
     *
     * @param network the network (restored afterwards)
     * @param loss the loss L
     * @param x samples, one per row; not modified
     * @param y targets, one row per sample; not modified
     * @return the largest relative error per layer and parameter kind
     */
    public static GradientCheckResult run(Network network, Loss loss, double[][] x, double[][] y) {
        return run(network, loss, x, y, DEFAULT_STEP);
    }

    /**
     * Runs the check with step {@code h}.
     *
     * @param network the network (restored afterwards)
     * @param loss the loss L
     * @param x samples, one per row; not modified
     * @param y targets, one row per sample; not modified
     * @param h the finite-difference step, positive
     * @return the largest relative error per layer and parameter kind
     */
    public static GradientCheckResult run(Network network, Loss loss, double[][] x, double[][] y, double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("the finite-difference step must be positive, got " + h);
        }
        Trace trace = Backpropagation.trace(network, loss, x, y);
        Inputs.checkFeatures(y, network.outputSize(), "y");
        double[] flatX = flatten(x);
        double[] flatY = flatten(y);
        Backpropagation bp = new Backpropagation(network, x.length);
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            LayerTrace lt = trace.layer(p.layer());
            Matrix analytic = lt.parameter(p.name()).gradient();
            double worst = -1;
            int worstRow = 0;
            int worstCol = 0;
            double worstAnalytic = 0;
            double worstNumeric = 0;
            double[] w = p.valueArray();
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < p.cols(); c++) {
                    int i = r * p.cols() + c;
                    double original = w[i];
                    double lPlus2 = lossAt(bp, p, i, original + 2 * h, flatX, flatY, loss, x.length);
                    double lPlus1 = lossAt(bp, p, i, original + h, flatX, flatY, loss, x.length);
                    double lMinus1 = lossAt(bp, p, i, original - h, flatX, flatY, loss, x.length);
                    double lMinus2 = lossAt(bp, p, i, original - 2 * h, flatX, flatY, loss, x.length);
                    w[i] = original;
                    // dL/dw ~ [-L(w+2h) + 8 L(w+h) - 8 L(w-h) + L(w-2h)] / 12h
                    double numeric = (-lPlus2 + 8 * lPlus1 - 8 * lMinus1 + lMinus2) / (12 * h);
                    double a = analytic.get(r, c);
                    double error = relativeError(a, numeric);
                    if (error > worst || Double.isNaN(error)) {
                        worst = error;
                        worstRow = r;
                        worstCol = c;
                        worstAnalytic = a;
                        worstNumeric = numeric;
                    }
                }
            }
            entries.add(new GradientCheckResult.Entry(p.layer(), p.kind(), p.name(), worstRow, worstCol,
                    worstAnalytic, worstNumeric, worst));
        }
        return new GradientCheckResult(entries, h);
    }

    /**
     * |analytic - numeric| / max(|analytic|, |numeric|, {@value #DENOMINATOR_FLOOR}).
     *
     * @param analytic the backpropagated gradient
     * @param numeric the finite-difference estimate
     * @return the relative error
     */
    public static double relativeError(double analytic, double numeric) {
        double denominator = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), DENOMINATOR_FLOOR);
        return Math.abs(analytic - numeric) / denominator;
    }

    private static double lossAt(Backpropagation bp, Parameter p, int index, double value, double[] x, double[] y,
                                 Loss loss, int rows) {
        p.valueArray()[index] = value;
        bp.forward(x, 0, rows);
        return bp.loss(y, loss);
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] flat = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, flat, r * cols, cols);
        }
        return flat;
    }
}
