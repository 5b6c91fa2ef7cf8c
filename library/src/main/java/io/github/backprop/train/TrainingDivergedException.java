package io.github.backprop.train;

import java.util.Locale;

/**
 * Thrown when the loss becomes NaN or infinite: the weights have blown up, almost always because
 * the learning rate is too large. Carries the history up to the last good epoch, and the trainer has
 * put back that epoch's weights (the weights before training if the first epoch diverged), which
 * the message says.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final int epoch;
    private final double loss;

    TrainingDivergedException(int epoch, double loss, double learningRate, History history) {
        super("training diverged: the loss became " + loss + " in epoch " + epoch
                + "; try a smaller learning rate than " + learningRate + ". " + restored(history));
        this.history = history;
        this.epoch = epoch;
        this.loss = loss;
    }

    private static String restored(History history) {
        if (history.epochs().isEmpty()) {
            return "The network has its weights from before training again.";
        }
        EpochStats last = history.last();
        return String.format(Locale.ROOT, "The network has its weights after epoch %d again (loss %.6g), the last"
                + " epoch with a finite loss.", last.epoch(), last.trainingLoss());
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

    /**
     * The epoch whose weights the network has after this exception: the last one with a finite loss,
     * {@code epoch() - 1}, or 0 for the weights before training.
     */
    public int restoredEpoch() {
        return history.epochs().isEmpty() ? 0 : history.last().epoch();
    }
}
