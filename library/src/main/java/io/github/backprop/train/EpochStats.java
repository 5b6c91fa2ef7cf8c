package io.github.backprop.train;

import java.util.Arrays;

/**
 * What one epoch of training achieved, measured after the epoch's last step.
 *
 * @param epoch the epoch number, from 1
 * @param trainingLoss mean loss over the whole training set
 * @param trainingAccuracy fraction of training samples classified correctly; NaN without labels
 * @param validationLoss mean loss over the validation set; NaN without one
 * @param validationAccuracy validation accuracy; NaN without a labelled validation set
 * @param gradientNorms per layer l (index l-1), the mean over the epoch's steps of ||dW[l]||
 *     (for a layer with several weight matrices, the norm of all of them together: K of a
 *     convolution, Wx and Wh of a recurrent layer; NaN for max pooling and flatten, which have
 *     no weights); empty unless the trainer records them
 * @param elapsedNanos time since training started
 */
public record EpochStats(int epoch, double trainingLoss, double trainingAccuracy, double validationLoss,
                         double validationAccuracy, double[] gradientNorms, long elapsedNanos) {

    /** Copies the gradient norms. */
    public EpochStats {
        gradientNorms = gradientNorms.clone();
    }

    /** A copy of the gradient norms. */
    @Override
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpochStats s && s.epoch == epoch
                && Double.compare(s.trainingLoss, trainingLoss) == 0
                && Double.compare(s.trainingAccuracy, trainingAccuracy) == 0
                && Double.compare(s.validationLoss, validationLoss) == 0
                && Double.compare(s.validationAccuracy, validationAccuracy) == 0
                && Arrays.equals(s.gradientNorms, gradientNorms);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(epoch) + Double.hashCode(trainingLoss);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("epoch ").append(epoch).append(": loss ").append(trainingLoss);
        if (!Double.isNaN(trainingAccuracy)) {
            sb.append(", accuracy ").append(trainingAccuracy);
        }
        if (!Double.isNaN(validationLoss)) {
            sb.append(", validation loss ").append(validationLoss);
        }
        if (!Double.isNaN(validationAccuracy)) {
            sb.append(", validation accuracy ").append(validationAccuracy);
        }
        return sb.toString();
    }
}
