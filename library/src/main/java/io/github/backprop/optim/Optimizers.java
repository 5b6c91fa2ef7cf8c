package io.github.backprop.optim;

/** The front door to optimisers: {@code Optimizers.sgd(0.5)}, {@code Optimizers.momentum(0.1, 0.9)}, {@code Optimizers.adam(0.001)}. */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * Plain gradient descent: w = w - learningRate * dL/dw.
     *
     * @param learningRate step size, positive
     * @return the optimiser
     */
    public static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate, 0);
    }

    /**
     * Momentum: v = mu * v + dL/dw; w = w - learningRate * v.
     *
     * @param learningRate step size, positive
     * @param mu momentum, in [0, 1); 0.9 is usual
     * @return the optimiser
     */
    public static Optimizer momentum(double learningRate, double mu) {
        return new Momentum(learningRate, mu, 0);
    }

    /**
     * Adam with the usual beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8.
     *
     * @param learningRate step size, positive; 0.001 is usual
     * @return the optimiser
     */
    public static Optimizer adam(double learningRate) {
        return adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam with every setting given.
     *
     * @param learningRate step size, positive
     * @param beta1 decay of the gradient average, in [0, 1)
     * @param beta2 decay of the squared-gradient average, in [0, 1)
     * @param epsilon added to the denominator, positive
     * @return the optimiser
     */
    public static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon, 0);
    }
}
