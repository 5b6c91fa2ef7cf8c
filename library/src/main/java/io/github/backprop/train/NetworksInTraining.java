package io.github.backprop.train;

import io.github.backprop.nn.Network;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The networks being trained right now, by any trainer on any thread: a network is trained by one
 * call at a time, since each step writes its weights and gradients. (A network is its own key:
 * {@code Network} keeps {@code Object}'s identity {@code equals}.)
 */
final class NetworksInTraining {
    private static final Set<Network> TRAINING = ConcurrentHashMap.newKeySet();

    private NetworksInTraining() {
    }

    /**
     * Marks the network as being trained.
     *
     * @throws IllegalStateException if another call is training it
     */
    static void claim(Network network) {
        Objects.requireNonNull(network, "network");
        if (!TRAINING.add(network)) {
            throw new IllegalStateException("this network (" + network + ") is already being trained by another "
                    + "call of fit or trainEpoch: a network is trained by one call at a time, since every step "
                    + "changes its weights (train a copy() on another thread, or wait for the other call to end)");
        }
    }

    /** Marks the network as no longer being trained. */
    static void release(Network network) {
        TRAINING.remove(network);
    }
}
