package io.github.backprop.train;

/**
 * Thrown when the loss becomes NaN or infinite: the weights have blown up, almost always because
 * the learning rate is too large. Carries the history up to the last good epoch.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final int epoch;
    private final double loss;

    TrainingDivergedException(int epoch, double loss, double learningRate, History history) {
        super("training diverged: the loss became " + loss + " in epoch " + epoch
                + "; try a smaller learning rate than " + learningRate);
        this.history = history;
        this.epoch = epoch;
        this.loss = loss;
    }

    /** The epochs completed before the loss blew up. */
    public History history() {
        return history;
    }

    /** The epoch in which the loss became NaN or infinite. */
    public int epoch() {
        return epoch;
    }

    /** The offending loss value (NaN or infinite). */
    public double loss() {
        return loss;
    }
}
