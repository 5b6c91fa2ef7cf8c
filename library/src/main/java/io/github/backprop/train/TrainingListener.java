package io.github.backprop.train;

import io.github.backprop.nn.Network;

/**
 * Told about training progress, e.g. to draw a live loss chart in a notebook. Called on the
 * training thread; keep it quick. A listener given to a trainer that trains on several threads at
 * once is called from each of them, so it must then be thread-safe itself.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after every epoch.
     *
     * @param stats the epoch just completed
     * @param network the network being trained (read it, don't change it)
     */
    void epochCompleted(EpochStats stats, Network network);

    /**
     * Called once when training ends, normally or not.
     *
     * @param history the record so far
     */
    default void trainingEnded(History history) {
    }
}
