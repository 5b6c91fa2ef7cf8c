package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.loss.Loss;
import io.github.backprop.optim.Optimizer;
import io.github.backprop.random.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Settings for a {@link Trainer}; start with {@link Trainer#builder()}. {@code loss},
 * {@code optimizer} and {@code epochs} are required; {@link #build()} names any that are missing.
 * A builder is filled by one thread; the trainer it builds may be shared by any (see
 * {@link Trainer}).
 */
public final class TrainerBuilder {
    Loss loss;
    Optimizer optimizer;
    int epochs;
    int batchSize = 32;
    Random shuffleRandom;
    double targetLoss = Double.NEGATIVE_INFINITY;
    Dataset validation;
    final List<TrainingListener> listeners = new ArrayList<>();
    boolean recordGradientNorms;
    int patience;

    TrainerBuilder() {
    }

    /**
     * The loss to minimise (required).
     *
     * @param loss e.g. {@code Losses.mse()}
     * @return this builder
     */
    public TrainerBuilder loss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    /**
     * The update rule (required).
     *
     * @param optimizer e.g. {@code Optimizers.sgd(0.5)}
     * @return this builder
     */
    public TrainerBuilder optimizer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    /**
     * The largest number of passes over the training data (required).
     *
     * @param epochs positive
     * @return this builder
     */
    public TrainerBuilder epochs(int epochs) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /**
     * Samples per gradient step (default 32; a batch larger than the data means full batch).
     *
     * @param batchSize positive
     * @return this builder
     */
    public TrainerBuilder batchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Shuffles the order of samples every epoch with a {@link SplitMix64} generator seeded
     * here. Without a call to {@code shuffle}, samples are used in stored order.
     *
     * @param seed the seed
     * @return this builder
     */
    public TrainerBuilder shuffle(long seed) {
        return shuffle(new SplitMix64(seed));
    }

    /**
     * Shuffles the order of samples every epoch with this generator (which is advanced).
     *
     * @param random the generator
     * @return this builder
     */
    public TrainerBuilder shuffle(Random random) {
        this.shuffleRandom = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Stops as soon as the training loss after an epoch is at most {@code targetLoss}.
     *
     * @param targetLoss a finite number
     * @return this builder
     */
    public TrainerBuilder targetLoss(double targetLoss) {
        if (!Double.isFinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be finite, got " + targetLoss);
        }
        this.targetLoss = targetLoss;
        return this;
    }

    /**
     * Also scores this data after every epoch (it is never trained on).
     *
     * @param validation the validation samples
     * @return this builder
     */
    public TrainerBuilder validation(Dataset validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /**
     * Tells a listener about every epoch (may be called several times to add several).
     *
     * @param listener the listener
     * @return this builder
     */
    public TrainerBuilder listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Records, per epoch and layer, the mean norm of dW over the epoch's steps (for charts of
     * vanishing gradients); see {@link EpochStats#gradientNorms()} for layers other than dense.
     *
     * @return this builder
     */
    public TrainerBuilder recordGradientNorms() {
        this.recordGradientNorms = true;
        return this;
    }

    /**
     * Early stopping: stops when the validation loss has not improved for {@code patience}
     * epochs in a row, and leaves the network with the weights of the epoch whose validation
     * loss was lowest (also when the epochs run out first). Needs {@link #validation}: the
     * stopping point is chosen on data the network is not trained on, so that it stops before it
     * starts to overfit. The history keeps every epoch that ran; see
     * {@link History#bestValidationEpoch()}.
     *
     * @param patience positive: how many epochs without improvement to wait
     * @return this builder
     */
    public TrainerBuilder earlyStopping(int patience) {
        if (patience <= 0) {
            throw new IllegalArgumentException("patience must be positive, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /**
     * The trainer.
     *
     * @return the trainer
     * @throws IllegalArgumentException if the loss, optimiser or epochs are missing, or early
     *     stopping has no validation data
     */
    public Trainer build() {
        List<String> missing = new ArrayList<>();
        if (loss == null) {
            missing.add("loss(...)");
        }
        if (optimizer == null) {
            missing.add("optimizer(...)");
        }
        if (epochs == 0) {
            missing.add("epochs(...)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("a trainer needs " + String.join(", ", missing));
        }
        if (patience > 0 && validation == null) {
            throw new IllegalArgumentException("early stopping needs validation data: add validation(...)");
        }
        return new Trainer(this);
    }
}
