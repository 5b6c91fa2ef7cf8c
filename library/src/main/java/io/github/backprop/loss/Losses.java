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

    /**
     * Looks a loss up by its name.
     *
     * @param name one of mse, binary_cross_entropy, cross_entropy
     * @return the loss
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Loss byName(String name) {
        return switch (name) {
            case "mse" -> mse();
            case "binary_cross_entropy" -> binaryCrossEntropy();
            case "cross_entropy" -> crossEntropy();
            default -> throw new IllegalArgumentException(
                    "unknown loss '" + name + "'; known: mse, binary_cross_entropy, cross_entropy");
        };
    }
}
