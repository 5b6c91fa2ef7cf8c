package io.github.backprop.train;

/**
 * Thrown when the training thread is interrupted (a notebook's stop button). The network keeps the
 * weights of the last completed step; the history holds the completed epochs.
 */
public final class TrainingInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient History history;

    TrainingInterruptedException(History history) {
        super("training interrupted after " + history.epochs().size() + " completed epochs");
        this.history = history;
    }

    /** The completed epochs. */
    public History history() {
        return history;
    }
}
