package io.github.backprop.optim;

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
            for (int i = 0; i < w.length; i++) {
                // w = w - learningRate * dL/dw
                w[i] -= learningRate * dW[i];
            }
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
