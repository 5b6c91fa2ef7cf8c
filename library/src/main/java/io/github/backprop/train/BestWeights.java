package io.github.backprop.train;

import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

import java.util.List;

/** For early stopping: a copy of a network's weights at the epoch with the lowest validation loss. */
final class BestWeights {
    private final List<Parameter> parameters;
    private final double[][] values;
    private double loss = Double.POSITIVE_INFINITY;
    private int epoch;

    BestWeights(Network network) {
        this.parameters = network.parameters();
        this.values = new double[parameters.size()][];
        for (int p = 0; p < values.length; p++) {
            values[p] = parameters.get(p).valueArray().clone();
        }
    }

    /** Keeps the current weights if {@code validationLoss} is the lowest so far. */
    void offer(int epochNumber, double validationLoss) {
        if (validationLoss < loss) {
            loss = validationLoss;
            epoch = epochNumber;
            for (int p = 0; p < values.length; p++) {
                System.arraycopy(parameters.get(p).valueArray(), 0, values[p], 0, values[p].length);
            }
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
        for (int p = 0; p < values.length; p++) {
            System.arraycopy(values[p], 0, parameters.get(p).valueArray(), 0, values[p].length);
        }
    }
}
