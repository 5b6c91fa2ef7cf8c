package io.github.backprop.train;

import io.github.backprop.nn.Network;

import java.util.Arrays;
import java.util.Objects;

/**
 * The networks that {@link Trainer#fit} is training right now, by any trainer on any thread: a
 * network is trained by one call at a time, since each step writes its weights and gradients. A
 * short array under a lock, compared by identity: there are rarely more than a few.
 */
final class NetworksInTraining {
    private static final Object LOCK = new Object();
    /** The networks in training, in any order, then nulls. */
    private static Network[] training = new Network[4];

    private NetworksInTraining() {
    }

    /**
     * Marks the network as being trained.
     *
     * @throws IllegalStateException if another call is training it
     */
    static void claim(Network network) {
        Objects.requireNonNull(network, "network");
        synchronized (LOCK) {
            int free = -1;
            for (int i = 0; i < training.length; i++) {
                if (training[i] == network) {
                    throw new IllegalStateException("this network (" + network + ") is already being trained by"
                            + " another call of fit: a network is trained by one call at a time, since every step"
                            + " changes its weights (train a copy() on another thread, or wait for the other call"
                            + " to end)");
                }
                if (free < 0 && training[i] == null) {
                    free = i;
                }
            }
            if (free < 0) {
                free = training.length;
                training = Arrays.copyOf(training, 2 * training.length);
            }
            training[free] = network;
        }
    }

    /** Marks the network as no longer being trained. */
    static void release(Network network) {
        synchronized (LOCK) {
            for (int i = 0; i < training.length; i++) {
                if (training[i] == network) {
                    training[i] = null;
                    return;
                }
            }
        }
    }
}
