package io.github.backprop.optim;

/**
 * Gradient descent with momentum (the form PyTorch uses): v = mu * v + dL/dw, then
 * w = w - learningRate * v, with v starting at 0.
 */
final class Momentum extends BaseOptimizer {
    private final double mu;

    Momentum(double learningRate, double mu, double weightDecay) {
        super(learningRate, weightDecay);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
    }

    @Override
    public String name() {
        return "momentum(lr=" + learningRate + ", mu=" + mu + decaySuffix() + ")";
    }

    @Override
    int memorySlots() {
        return 1;
    }

    @Override
    void update(double[] w, double[] dW, double decay, Memory memory) {
        double[] v = memory.arrays[0];
        for (int i = 0; i < w.length; i++) {
            double g = dW[i] + decay * w[i];
            // v = mu * v + dL/dw
            v[i] = mu * v[i] + g;
            // w = w - learningRate * v
            w[i] -= learningRate * v[i];
        }
    }

    @Override
    public Optimizer withWeightDecay(double lambda) {
        return new Momentum(learningRate, mu, lambda);
    }
}
