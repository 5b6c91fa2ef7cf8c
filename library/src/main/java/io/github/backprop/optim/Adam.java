package io.github.backprop.optim;

/**
 * Adam (Kingma and Ba, 2015): running averages of the gradient (m) and its square (v), corrected
 * for their start at 0, set each weight's step size. The step count t is kept per parameter, with m
 * and v, so that networks sharing one Adam each count their own steps.
 */
final class Adam extends BaseOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        super(learningRate, weightDecay);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam's epsilon must be positive, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + decaySuffix() + ")";
    }

    @Override
    int memorySlots() {
        return 2;
    }

    @Override
    void update(double[] w, double[] dW, double decay, Memory memory) {
        double[] m = memory.arrays[0];
        double[] v = memory.arrays[1];
        // t: this parameter's updates, this one included
        long t = ++memory.steps;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < w.length; i++) {
            double g = dW[i] + decay * w[i];
            // m = beta1 * m + (1 - beta1) * g ;  v = beta2 * v + (1 - beta2) * g^2
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            // w = w - learningRate * m_hat / (sqrt(v_hat) + epsilon), with m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t)
            w[i] -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
        }
    }

    @Override
    public Optimizer withWeightDecay(double lambda) {
        return new Adam(learningRate, beta1, beta2, epsilon, lambda);
    }
}
