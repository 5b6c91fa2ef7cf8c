package io.github.backprop.loss;

/** The front door to loss functions: {@code Losses.mse()}, {@code Losses.crossEntropy()}, ... */
public final class Losses {
    private Losses() {
    }

    /** L_n = 1/2 * sum_k (a_k - y_k)^2, averaged over the batch; dL/da = a - y. */
    public static Loss mse() {
        return MeanSquaredError.INSTANCE;
    }

    /** L_n = -sum_k [y log a + (1 - y) log(1 - a)], averaged over the batch; use with sigmoid outputs. */
    public static Loss binaryCrossEntropy() {
        return BinaryCrossEntropy.INSTANCE;
    }

    /** L_n = -sum_k y_k log a_k, averaged over the batch; use with a softmax output and one-hot targets. */
    public static Loss crossEntropy() {
        return CategoricalCrossEntropy.INSTANCE;
    }
}
