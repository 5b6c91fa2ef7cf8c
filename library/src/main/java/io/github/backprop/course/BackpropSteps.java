package io.github.backprop.course;

import java.util.function.DoubleSupplier;

/**
 * The shapes of the functions a learner writes in the notebook "write backpropagation yourself",
 * one per step, so that a check can call the learner's function on its own inputs. A notebook
 * passes them as lambdas, e.g. {@code BackpropYourselfExercises.checkHiddenDelta((W, d, z) -> hiddenDelta(W, d, z))}.
 *
 * <p>A batch stacks samples as rows, as in the notebooks: {@code aPrev}, {@code z}, {@code a},
 * {@code y} and {@code delta} are B x n arrays (row n is sample n), {@code W} is n_l x n_(l-1)
 * (row j holds the weights into neuron j) and {@code b} has one entry per neuron.
 */
public final class BackpropSteps {
    private BackpropSteps() {
    }

    /** Z = A_prev W^T + 1 b^T: z[n][j] = sum_i W[j][i] aPrev[n][i] + b[j]. */
    @FunctionalInterface
    public interface LayerZ {
        /**
         * @param W the layer's weights (not to be changed)
         * @param b the layer's biases (not to be changed)
         * @param aPrev the previous layer's activations, one row per sample (not to be changed)
         * @return z, one row per sample
         */
        double[][] apply(double[][] W, double[] b, double[][] aPrev);
    }

    /** A = sigma(Z), entry by entry. */
    @FunctionalInterface
    public interface LayerA {
        /**
         * @param z weighted inputs, one row per sample (not to be changed)
         * @return a, the same shape
         */
        double[][] apply(double[][] z);
    }

    /** L = (1/B) sum_n 1/2 sum_k (a[n][k] - y[n][k])^2. */
    @FunctionalInterface
    public interface MseLoss {
        /**
         * @param a outputs, one row per sample
         * @param y targets, one row per sample
         * @return the mean loss of the batch
         */
        double apply(double[][] a, double[][] y);
    }

    /** BP1 with the MSE: delta[n][k] = (a[n][k] - y[n][k]) sigma'(z[n][k]). */
    @FunctionalInterface
    public interface OutputDelta {
        /**
         * @param a the output layer's activations
         * @param y the targets
         * @param z the output layer's weighted inputs
         * @return each sample's output delta, one row per sample
         */
        double[][] apply(double[][] a, double[][] y, double[][] z);
    }

    /** BP2: delta[n][j] = sigma'(z[n][j]) sum_k wNext[k][j] deltaNext[n][k]. */
    @FunctionalInterface
    public interface HiddenDelta {
        /**
         * @param wNext the next layer's weights W[l+1]
         * @param deltaNext the next layer's deltas, one row per sample
         * @param z this layer's weighted inputs, one row per sample
         * @return this layer's deltas, one row per sample
         */
        double[][] apply(double[][] wNext, double[][] deltaNext, double[][] z);
    }

    /** BP4 for a batch: dW[j][i] = (1/B) sum_n delta[n][j] aPrev[n][i]. */
    @FunctionalInterface
    public interface WeightGradient {
        /**
         * @param delta the layer's deltas, one row per sample
         * @param aPrev the previous layer's activations, one row per sample
         * @return dW, shaped like W
         */
        double[][] apply(double[][] delta, double[][] aPrev);
    }

    /** BP3 for a batch: db[j] = (1/B) sum_n delta[n][j]. */
    @FunctionalInterface
    public interface BiasGradient {
        /**
         * @param delta the layer's deltas, one row per sample
         * @return db, one entry per neuron
         */
        double[] apply(double[][] delta);
    }

    /** Gradient descent, in place: W = W - learningRate dW and b = b - learningRate db. */
    @FunctionalInterface
    public interface Update {
        /**
         * @param W the weights, changed in place
         * @param b the biases, changed in place
         * @param dW the weight gradient
         * @param db the bias gradient
         * @param learningRate eta
         */
        void apply(double[][] W, double[] b, double[][] dW, double[] db, double learningRate);
    }

    /** Full-batch training of a network with one hidden layer, in place; returns the loss of every epoch. */
    @FunctionalInterface
    public interface TrainingLoop {
        /**
         * @param W1 layer 1's weights, trained in place
         * @param b1 layer 1's biases, trained in place
         * @param W2 layer 2's weights, trained in place
         * @param b2 layer 2's biases, trained in place
         * @param X the samples, one per row
         * @param Y the targets, one row per sample
         * @param epochs how many steps of gradient descent
         * @param learningRate eta
         * @return losses[epoch], the loss of that epoch's forward pass (before its update)
         */
        double[] apply(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X, double[][] Y, int epochs,
                double learningRate);
    }

    /** The central difference dL/dw ~ (L(w + h) - L(w - h)) / 2h for every entry w of W. */
    @FunctionalInterface
    public interface NumericalGradient {
        /**
         * @param W the weights: each entry is nudged and put back
         * @param loss computes the loss from the current entries of W
         * @param h the nudge
         * @return the estimate of dL/dW, shaped like W
         */
        double[][] apply(double[][] W, DoubleSupplier loss, double h);
    }
}
