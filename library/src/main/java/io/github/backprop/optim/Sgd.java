package io.github.backprop.optim;

import io.github.backprop.internal.kernel.Kernels;

/**
 * Plain gradient descent: w = w - learningRate * dL/dw. The loop in {@code descend} is the update;
 * the fast kernels (not API) share a long w between threads, each value computed the same way.
 */
final class Sgd extends BaseOptimizer {
    /** The kernels that update w in place of the loop below, or null where the loop runs. */
    private static final Kernels FAST = Kernels.fast();

    Sgd(double learningRate, double weightDecay) {
        super(learningRate, weightDecay);
    }

    @Override
    public String name() {
        return "sgd(lr=" + learningRate + decaySuffix() + ")";
    }

    @Override
    int memorySlots() {
        return 0;
    }

    @Override
    void update(double[] w, double[] dW, double decay, Memory memory) {
        if (decay == 0) {
            descend(FAST, w, dW);
            return;
        }
        for (int i = 0; i < w.length; i++) {
            // w = w - learningRate * (dL/dw + lambda * w)
            w[i] -= learningRate * (dW[i] + decay * w[i]);
        }
    }

    /**
     * w = w - eta dW on every value: the loop below, or the same numbers by the fast kernels if given
     * (package-private, so that tests can compare the two).
     */
    void descend(Kernels fast, double[] w, double[] dW) {
        if (fast != null) {
            // w + (-eta) dW: the same number as w - eta dW, rounded the same way
            fast.addScaled(w, -learningRate, dW, w.length);
            return;
        }
        for (int i = 0; i < w.length; i++) {
            // w <- w - eta dW
            w[i] -= learningRate * dW[i];
        }
    }

    @Override
    public Optimizer withWeightDecay(double lambda) {
        return new Sgd(learningRate, lambda);
    }
}
