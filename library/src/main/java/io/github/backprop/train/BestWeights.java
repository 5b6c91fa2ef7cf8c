package io.github.backprop.train;

import io.github.backprop.nn.Network;

/** For early stopping: a copy of a network's weights at the epoch with the lowest validation loss. */
final class BestWeights {
    private final WeightsCopy copy;
    private double loss = Double.POSITIVE_INFINITY;
    private int epoch;

    BestWeights(Network network) {
        this.copy = new WeightsCopy(network);
    }

    /** Keeps the current weights if {@code validationLoss} is the lowest so far. */
    void offer(int epochNumber, double validationLoss) {
        if (validationLoss < loss) {
            loss = validationLoss;
            epoch = epochNumber;
            copy.take();
        }
    }

    /** The epoch whose weights are kept (0 before any epoch). */
    int epoch() {
        return epoch;
    }

    /** Puts the kept weights back into the network. */
    void restore() {
        if (epoch == 0) {
            return;
        }
        copy.putBack();
    }
}
