package io.github.backprop.train;

import io.github.backprop.nn.Network;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * The networks that {@link Trainer#fit} is training right now, by any trainer on any thread: a
 * network is trained by one call at a time, since each step writes its weights and gradients. A set
 * under a lock, compared by identity.
 */
final class NetworksInTraining {
    private static final Object LOCK = new Object();
    /** The networks in training. */
    private static final Set<Network> TRAINING = Collections.newSetFromMap(new IdentityHashMap<>());

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
            if (!TRAINING.add(network)) {
                throw new IllegalStateException("this network (" + network + ") is already being trained by"
                        + " another call of fit: a network is trained by one call at a time, since every step"
                        + " changes its weights (train a copy() on another thread, or wait for the other call"
                        + " to end)");
            }
        }
    }

    /** Marks the network as no longer being trained. */
    static void release(Network network) {
        synchronized (LOCK) {
            TRAINING.remove(network);
        }
    }
}
