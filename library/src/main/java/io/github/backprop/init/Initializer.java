package io.github.backprop.init;

import java.util.Random;

/**
 * Fills a layer's weights (or biases) with starting values. Every initialiser draws from the
 * {@link Random} it is given, in row-major order (neuron j outer, input i inner), so the same seed
 * gives the same network.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * Fills {@code values} (row-major, {@code fanOut x fanIn} for weights).
     *
     * @param values the array to fill, overwritten
     * @param fanIn inputs of the layer
     * @param fanOut neurons of the layer
     * @param random the source of randomness
     */
    void initialize(double[] values, int fanIn, int fanOut, Random random);
}
