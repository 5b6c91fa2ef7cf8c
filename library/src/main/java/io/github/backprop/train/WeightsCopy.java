package io.github.backprop.train;

import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

import java.util.List;

/** A copy of a network's weights and biases, taken when asked and put back when asked. */
final class WeightsCopy {
    private final List<Parameter> parameters;
    private final double[][] values;

    /** A copy of the network's values now. */
    WeightsCopy(Network network) {
        this.parameters = network.parameters();
        this.values = new double[parameters.size()][];
        for (int p = 0; p < values.length; p++) {
            values[p] = parameters.get(p).valueArray().clone();
        }
    }

    /** Copies the network's values now, in place of the ones kept. */
    void take() {
        for (int p = 0; p < values.length; p++) {
            System.arraycopy(parameters.get(p).valueArray(), 0, values[p], 0, values[p].length);
        }
    }

    /** Puts the kept values back into the network. */
    void putBack() {
        for (int p = 0; p < values.length; p++) {
            System.arraycopy(values[p], 0, parameters.get(p).valueArray(), 0, values[p].length);
        }
    }
}
