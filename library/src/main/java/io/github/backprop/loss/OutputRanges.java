package io.github.backprop.loss;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.activation.LeakyRelu;

/** What the cross-entropies need of the output activation: values between 0 and 1, which some activations leave. */
final class OutputRanges {
    private OutputRanges() {
    }

    /**
     * The reason a loss cannot learn from f, if f's outputs can leave (0, 1) (identity, ReLU, leaky
     * ReLU, tanh), else null.
     *
     * @param f the output layer's activation
     * @param loss the loss's name for the message, e.g. "binary cross-entropy"
     * @param needs what it takes and needs, e.g. "it takes log a and log(1 - a), which need outputs ..."
     * @param instead the output activation to use instead, e.g. "Activations.sigmoid()"
     */
    static String outsideZeroToOne(Activation f, String loss, String needs, String instead) {
        if (f != Activations.identity() && f != Activations.relu() && !(f instanceof LeakyRelu)
                && f != Activations.tanh()) {
            return null;
        }
        return loss + " cannot learn from a " + f.name() + " output layer: " + needs + ", and " + f.name()
                + "'s outputs are not; use " + instead + " on the output layer (or Losses.mse() to keep " + f.name() + ")";
    }
}
