package io.github.backprop.train;

import java.util.List;

/**
 * The record of a training run: one {@link EpochStats} per completed epoch, and why it stopped.
 *
 * @param epochs one entry per completed epoch, in order
 * @param stopReason why training ended
 */
public record History(List<EpochStats> epochs, StopReason stopReason) {

    /** Why training ended. */
    public enum StopReason {
        /** All requested epochs ran. */
        EPOCHS_COMPLETED,
        /** The training loss reached the target loss. */
        TARGET_LOSS_REACHED,
        /** Early stopping: the validation loss stopped improving (the best epoch's weights were restored). */
        VALIDATION_STOPPED_IMPROVING,
        /** Training was interrupted (a notebook's stop button) or diverged; the history ends early. */
        STOPPED_EARLY
    }

    /** Copies the list. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /**
     * The epoch (counted from 1) with the lowest validation loss: the one whose weights early
     * stopping keeps.
     *
     * @throws IllegalStateException if there was no validation data or no epoch
     */
    public int bestValidationEpoch() {
        if (!hasValidation()) {
            throw new IllegalStateException("no validation losses: train with validation(...) to have a best epoch");
        }
        EpochStats best = epochs.get(0);
        for (EpochStats e : epochs) {
            if (e.validationLoss() < best.validationLoss()) {
                best = e;
            }
        }
        return best.epoch();
    }

    /** The stats of the last completed epoch. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch completed");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The training loss after the last epoch. */
    public double finalLoss() {
        return last().trainingLoss();
    }

    /** The training loss per epoch (index 0 is epoch 1). */
    public double[] trainingLosses() {
        return epochs.stream().mapToDouble(EpochStats::trainingLoss).toArray();
    }

    /** The validation loss per epoch (NaN without a validation set). */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
    }

    /** The training accuracy per epoch (NaN without labels). */
    public double[] trainingAccuracies() {
        return epochs.stream().mapToDouble(EpochStats::trainingAccuracy).toArray();
    }

    /** The validation accuracy per epoch (NaN without a labelled validation set). */
    public double[] validationAccuracies() {
        return epochs.stream().mapToDouble(EpochStats::validationAccuracy).toArray();
    }

    /** True if accuracies were measured (the training targets are class labels). */
    public boolean hasAccuracy() {
        return !epochs.isEmpty() && !Double.isNaN(epochs.get(0).trainingAccuracy());
    }

    /** True if a validation set was scored. */
    public boolean hasValidation() {
        return !epochs.isEmpty() && !Double.isNaN(epochs.get(0).validationLoss());
    }

    @Override
    public String toString() {
        if (epochs.isEmpty()) {
            return "History(no epochs, " + stopReason + ")";
        }
        return "History(" + epochs.size() + " epochs, " + stopReason + "; " + last() + ")";
    }
}
