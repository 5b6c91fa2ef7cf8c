package io.github.backprop.optim;

import io.github.backprop.math.MatrixKernels;

/** Plain gradient descent: w = w - learningRate * dL/dw. */
final class Sgd extends BaseOptimizer {

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
    void update(double[] w, double[] dW, double decay, double[][] memory) {
        if (decay == 0) {
            // w = w - learningRate * dL/dw
            MatrixKernels.addScaled(w, -learningRate, dW, w.length);
            return;
        }
        for (int i = 0; i < w.length; i++) {
            // w = w - learningRate * (dL/dw + lambda * w)
            w[i] -= learningRate * (dW[i] + decay * w[i]);
        }
    }

    @Override
    public Optimizer withWeightDecay(double lambda) {
        return new Sgd(learningRate, lambda);
    }
}
