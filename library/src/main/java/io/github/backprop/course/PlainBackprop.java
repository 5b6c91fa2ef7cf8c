package io.github.backprop.course;

import java.util.function.DoubleUnaryOperator;

/**
 * Backpropagation on plain arrays for a network with one hidden layer and sigmoid activations,
 * the checks' own version of what the learner writes in the notebook "write backpropagation
 * yourself". The right answers come from the library's trace; this class computes what a learner
 * gets from a typical mistake (a transposed W, a forgotten 1/B, an update made too early), and the
 * loss a finite-difference check nudges. Samples are rows. Nothing here changes its inputs unless
 * it says so.
 */
final class PlainBackprop {
    private PlainBackprop() {
    }

    /** sigma(z) = 1 / (1 + e^-z), as the library computes it. */
    static double sigma(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** sigma'(z) = sigma(z) (1 - sigma(z)). */
    static double sigmaPrime(double z) {
        double s = sigma(z);
        return s * (1 - s);
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            c[r] = m[r].clone();
        }
        return c;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    /** The matrix product p q. */
    static double[][] times(double[][] p, double[][] q) {
        double[][] out = new double[p.length][q[0].length];
        for (int r = 0; r < p.length; r++) {
            for (int c = 0; c < q[0].length; c++) {
                double sum = 0;
                for (int k = 0; k < q.length; k++) {
                    sum += p[r][k] * q[k][c];
                }
                out[r][c] = sum;
            }
        }
        return out;
    }

    /** f applied to every entry (a new array). */
    static double[][] map(double[][] m, DoubleUnaryOperator f) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = new double[m[r].length];
            for (int c = 0; c < m[r].length; c++) {
                out[r][c] = f.applyAsDouble(m[r][c]);
            }
        }
        return out;
    }

    /** The entry-by-entry product p ⊙ q. */
    static double[][] hadamard(double[][] p, double[][] q) {
        double[][] out = new double[p.length][p[0].length];
        for (int r = 0; r < p.length; r++) {
            for (int c = 0; c < p[r].length; c++) {
                out[r][c] = p[r][c] * q[r][c];
            }
        }
        return out;
    }

    static double[][] scale(double[][] m, double s) {
        return map(m, v -> v * s);
    }

    static double[] scale(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }

    /** m + s d, entry by entry (a new array). */
    static double[][] plus(double[][] m, double s, double[][] d) {
        double[][] out = new double[m.length][m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                out[r][c] = m[r][c] + s * d[r][c];
            }
        }
        return out;
    }

    static double[] plus(double[] v, double s, double[] d) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + s * d[i];
        }
        return out;
    }

    /** z[n][j] = sum_i W[j][i] aPrev[n][i] + b[j]. */
    static double[][] z(double[][] w, double[] b, double[][] aPrev) {
        double[][] z = times(aPrev, transpose(w));
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b[j];
            }
        }
        return z;
    }

    /** L = (1/B) sum_n 1/2 sum_k (a - y)^2. */
    static double mse(double[][] a, double[][] y) {
        double sum = 0;
        for (int n = 0; n < a.length; n++) {
            for (int k = 0; k < a[n].length; k++) {
                sum += 0.5 * (a[n][k] - y[n][k]) * (a[n][k] - y[n][k]);
            }
        }
        return sum / a.length;
    }

    /** The MSE of the network W1, b1, W2, b2 on X, Y, reading the arrays' entries now. */
    static double loss(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x, double[][] y) {
        double[][] a1 = map(z(w1, b1, x), PlainBackprop::sigma);
        double[][] a2 = map(z(w2, b2, a1), PlainBackprop::sigma);
        return mse(a2, y);
    }

    /** dW = (1/B) delta^T aPrev. */
    static double[][] weightGradient(double[][] delta, double[][] aPrev) {
        return scale(times(transpose(delta), aPrev), 1.0 / delta.length);
    }

    /** db[j] = (1/B) sum_n delta[n][j]. */
    static double[] biasGradient(double[][] delta) {
        double[] db = new double[delta[0].length];
        for (double[] row : delta) {
            for (int j = 0; j < row.length; j++) {
                db[j] += row[j];
            }
        }
        return scale(db, 1.0 / delta.length);
    }

    /**
     * What a training loop that updates W2 before computing delta1 gives: each epoch's loss (before
     * its update). The arrays are copied, not trained.
     */
    static double[] trainUpdatingW2TooEarly(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            double[][] y, int epochs, double learningRate) {
        double[][] W1 = copy(w1);
        double[][] W2 = copy(w2);
        double[] B1 = b1.clone();
        double[] B2 = b2.clone();
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[][] z1 = z(W1, B1, x);
            double[][] a1 = map(z1, PlainBackprop::sigma);
            double[][] z2 = z(W2, B2, a1);
            double[][] a2 = map(z2, PlainBackprop::sigma);
            losses[epoch] = mse(a2, y);
            // delta2 = (a - y) ⊙ sigma'(z2)
            double[][] delta2 = hadamard(plus(a2, -1, y), map(z2, PlainBackprop::sigmaPrime));
            W2 = plus(W2, -learningRate, weightGradient(delta2, a1));
            B2 = plus(B2, -learningRate, biasGradient(delta2));
            // the mistake: delta1 from the W2 just updated
            double[][] delta1 = hadamard(times(delta2, W2), map(z1, PlainBackprop::sigmaPrime));
            W1 = plus(W1, -learningRate, weightGradient(delta1, x));
            B1 = plus(B1, -learningRate, biasGradient(delta1));
        }
        return losses;
    }
}
