package io.github.backprop.train;

import io.github.backprop.backprop.Backpropagation;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.Score;
import io.github.backprop.loss.Loss;
import io.github.backprop.math.MatrixKernels;
import io.github.backprop.math.PendingCopy;
import io.github.backprop.nn.Inputs;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.optim.Optimizer;
import io.github.backprop.random.SplitMix64;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Gradient descent over mini-batches, epoch after epoch, until the epochs run out or the loss is
 * good enough.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *         .loss(Losses.mse())
 *         .optimizer(Optimizers.sgd(0.5))
 *         .epochs(5000)
 *         .batchSize(4)
 *         .targetLoss(0.01)
 *         .build();
 * History history = trainer.fit(network, Dataset.of(x, y));
 * }</pre>
 *
 * <p>Each step: forward pass on a mini-batch, backward pass (every delta, dW and db), then one
 * optimiser update. Batches are consecutive slices of the samples; with {@link Builder#shuffle}
 * the order is shuffled every epoch by the given generator. The caller's data is never reordered
 * or modified. After each epoch the whole training set (and the validation set, if any) is scored
 * once; a NaN or infinite loss stops training with a {@link TrainingDivergedException}. The loop
 * checks for thread interruption before every step ({@link TrainingInterruptedException}).
 *
 * <p>The optimiser's memory (momentum, Adam) carries over between calls to {@code fit}.
 */
public final class Trainer {
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final Random shuffleRandom;
    private final double targetLoss;
    private final Dataset validation;
    private final List<TrainingListener> listeners;
    private final boolean recordGradientNorms;
    /** Epochs without a better validation loss before training stops; 0 = no early stopping. */
    private final int patience;

    private Backpropagation workspace;
    private double[] batchX;
    private double[] batchY;
    /** The batch after this one, copied while this one is computed (only when {@code copyAhead}). */
    private double[] nextX;
    private double[] nextY;
    /** Whether the next batch is copied by helper threads while this one is computed (large batches). */
    private boolean copyAhead;
    /**
     * The data set whose rows {@code batchFrom} to {@code batchFrom + batchRows - 1}, in stored order,
     * {@code batchX} and {@code batchY} hold (held weakly, so that the trainer does not keep it
     * alive). A data set never changes, so a batch that is already in place, as in full-batch
     * training epoch after epoch, is not copied again.
     */
    private WeakReference<Dataset> batchSource = new WeakReference<>(null);
    private int batchFrom;
    private int batchRows;
    /** The network and data set {@link #trainEpoch} checked last: neither changes shape, so they are not checked again. */
    private Network checkedNetwork;
    private WeakReference<Dataset> checkedData = new WeakReference<>(null);

    private Trainer(Builder b) {
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffleRandom = b.shuffleRandom;
        this.targetLoss = b.targetLoss;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
        this.recordGradientNorms = b.recordGradientNorms;
        this.patience = b.patience;
    }

    /** Starts a trainer; {@code loss}, {@code optimizer} and {@code epochs} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loss being minimised. */
    public Loss loss() {
        return loss;
    }

    /** The optimiser. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The largest number of epochs {@link #fit} runs. */
    public int epochs() {
        return epochs;
    }

    /** Samples per step. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Trains on samples {@code x} with targets {@code y} (copied first; never modified).
     *
     * @param network the network to train (its parameters change)
     * @param x samples, one per row
     * @param y targets, one row per sample
     * @return the history of losses (and accuracies) per epoch
     */
    public History fit(Network network, double[][] x, double[][] y) {
        return fit(network, Dataset.of(x, y));
    }

    /**
     * Trains the network on a dataset.
     *
     * @param network the network to train (its parameters change)
     * @param training the training samples (never modified)
     * @return the history of losses (and accuracies) per epoch
     * @throws IllegalArgumentException if the data does not fit the network or the loss
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     * @throws TrainingInterruptedException if the thread is interrupted
     */
    public History fit(Network network, Dataset training) {
        checkData(network, training, "training");
        if (validation != null) {
            checkData(network, validation, "validation");
        }
        long start = System.nanoTime();
        List<EpochStats> done = new ArrayList<>();
        History.StopReason reason = History.StopReason.EPOCHS_COMPLETED;
        // without shuffling the batches are taken in order and need no index array
        int[] order = shuffleRandom == null ? null : identity(training.size());
        BestWeights best = patience == 0 ? null : new BestWeights(network);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double[] norms = runEpoch(network, training, order);
                Score train = Evaluation.score(network, loss, training);
                if (!Double.isFinite(train.loss())) {
                    throw new TrainingDivergedException(epoch, train.loss(), optimizer.learningRate(),
                            new History(done, History.StopReason.STOPPED_EARLY));
                }
                Score val = validation == null ? null : Evaluation.score(network, loss, validation);
                EpochStats stats = new EpochStats(epoch, train.loss(), train.accuracy(),
                        val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                        norms, System.nanoTime() - start);
                done.add(stats);
                for (TrainingListener listener : listeners) {
                    listener.epochCompleted(stats, network);
                }
                if (train.loss() <= targetLoss) {
                    reason = History.StopReason.TARGET_LOSS_REACHED;
                    break;
                }
                if (best != null) {
                    best.offer(epoch, val.loss());
                    if (epoch - best.epoch() >= patience) {
                        reason = History.StopReason.VALIDATION_STOPPED_IMPROVING;
                        break;
                    }
                }
            }
            if (best != null) {
                best.restore();
            }
        } catch (StepInterrupted e) {
            History partial = new History(done, History.StopReason.STOPPED_EARLY);
            notifyEnd(partial);
            throw new TrainingInterruptedException(partial);
        } catch (TrainingDivergedException e) {
            notifyEnd(e.history());
            throw e;
        }
        History history = new History(done, reason);
        notifyEnd(history);
        return history;
    }

    /**
     * One epoch of training steps over the data, in stored order (or shuffled, if this trainer
     * shuffles), with no scoring and no listeners: the inner loop of {@link #fit}, for benchmarks
     * and custom loops. The shapes of a network and data set are checked the first time they come
     * together; called again with the same pair, as in a loop of epochs, it goes straight to the
     * steps.
     *
     * @param network the network to train (its parameters change)
     * @param training the training samples (never modified)
     * @throws NullPointerException if the data is null
     * @throws IllegalArgumentException if the data does not fit the network's inputs or outputs
     * @throws TrainingInterruptedException if the thread is interrupted
     */
    public void trainEpoch(Network network, Dataset training) {
        if (network == null || training == null || network != checkedNetwork || training != checkedData.get()) {
            checkShapes(network, training, "training");
            checkedNetwork = network;
            checkedData = new WeakReference<>(training);
        }
        try {
            // without shuffling the batches are taken in order and need no index array
            runEpoch(network, training, shuffleRandom == null ? null : identity(training.size()));
        } catch (StepInterrupted e) {
            throw new TrainingInterruptedException(new History(List.of(), History.StopReason.STOPPED_EARLY));
        }
    }

    /** The gradient norms of an epoch when they are not recorded. */
    private static final double[] NO_NORMS = new double[0];

    private double[] runEpoch(Network network, Dataset data, int[] order) {
        Backpropagation bp = workspaceFor(network, data);
        List<Parameter> params = network.parameters();
        int n = data.size();
        if (shuffleRandom != null) {
            shuffle(order, shuffleRandom);
        }
        double[] norms = recordGradientNorms ? new double[network.layerCount()] : NO_NORMS;
        int steps = 0;
        PendingCopy next = null;
        try {
            for (int from = 0; from < n; from += batchSize) {
                if (Thread.interrupted()) {
                    throw new StepInterrupted();
                }
                int rows = Math.min(batchSize, n - from);
                if (next != null) {
                    next.await();
                    next = null;
                    swapBatches();
                } else if (order == null) {
                    copyInOrder(data, from, rows);
                } else {
                    batchSource.clear();
                    data.copyRows(order, from, rows, batchX, batchY);
                }
                int nextFrom = from + batchSize;
                if (copyAhead && nextFrom < n) {
                    next = data.copyRowsLater(order, nextFrom, Math.min(batchSize, n - nextFrom), nextX, nextY);
                }
                bp.forward(batchX, 0, rows);
                bp.backward(batchY, loss);
                if (recordGradientNorms) {
                    for (int l = 0; l < norms.length; l++) {
                        norms[l] += weightGradientNorm(network.layers().get(l));
                    }
                }
                optimizer.step(params);
                steps++;
            }
        } finally {
            // a step that failed leaves no helper writing into the next batch's arrays
            if (next != null) {
                next.await();
            }
        }
        for (int l = 0; l < norms.length; l++) {
            norms[l] /= steps;
        }
        return norms;
    }

    private Backpropagation workspaceFor(Network network, Dataset data) {
        int rows = Math.min(batchSize, data.size());
        if (workspace == null || workspace.network() != network || workspace.maxRows() < rows) {
            workspace = new Backpropagation(network, rows);
            // a large next batch is copied by the helper threads while this one is computed
            copyAhead = MatrixKernels.copiesLater((long) batchSize * network.inputSize());
            batchSource.clear();
            batchX = new double[rows * network.inputSize()];
            batchY = new double[rows * network.outputSize()];
            nextX = copyAhead ? new double[batchX.length] : null;
            nextY = copyAhead ? new double[batchY.length] : null;
        }
        return workspace;
    }

    /** Copies rows {@code from} to {@code from + rows - 1} into the batch arrays, unless they are there already. */
    private void copyInOrder(Dataset data, int from, int rows) {
        if (data != batchSource.get() || from != batchFrom || rows != batchRows) {
            // cleared first: a copy that fails half way leaves no claim on what the arrays hold
            batchSource.clear();
            data.copyRows(from, rows, batchX, batchY);
            batchSource = new WeakReference<>(data);
            batchFrom = from;
            batchRows = rows;
        }
    }

    private void swapBatches() {
        batchSource.clear();
        double[] x = batchX;
        batchX = nextX;
        nextX = x;
        double[] y = batchY;
        batchY = nextY;
        nextY = y;
    }

    private void checkData(Network network, Dataset data, String what) {
        checkShapes(network, data, what);
        for (int r = 0; r < data.size(); r++) {
            for (int c = 0; c < data.targetCount(); c++) {
                String problem = loss.targetProblem(data.target(r, c));
                if (problem != null) {
                    throw new IllegalArgumentException(what + " target at row " + r + ", column " + c + ": " + problem);
                }
            }
        }
    }

    private static void checkShapes(Network network, Dataset data, String what) {
        if (data == null) {
            throw new NullPointerException(what + " data is null");
        }
        if (data.featureCount() != network.inputSize()) {
            throw new IllegalArgumentException("shape mismatch: the network takes " + network.inputSize()
                    + " inputs" + Inputs.layout(network.inputShape()) + " but the " + what + " data has "
                    + data.featureCount() + " features");
        }
        if (data.targetCount() != network.outputSize()) {
            throw new IllegalArgumentException("shape mismatch: the network has " + network.outputSize()
                    + " outputs but the " + what + " data has " + data.targetCount() + " targets per sample");
        }
    }

    private void notifyEnd(History history) {
        for (TrainingListener listener : listeners) {
            listener.trainingEnded(history);
        }
    }

    /**
     * ||dW|| of a layer: the Euclidean norm over all its weight parameters together (W; K; Wx and
     * Wh), NaN for a layer without weights (max pooling, flatten).
     */
    private static double weightGradientNorm(Layer layer) {
        double s = 0;
        boolean any = false;
        for (Parameter p : layer.parameters()) {
            if (p.kind() == Parameter.Kind.WEIGHTS) {
                any = true;
                for (double x : p.gradientArray()) {
                    s += x * x;
                }
            }
        }
        return any ? Math.sqrt(s) : Double.NaN;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates shuffle of the index array (never of the data). */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Internal signal from the step loop to fit, which knows the history. */
    private static final class StepInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepInterrupted() {
            super(null, null, false, false);
        }
    }

    /** Settings for a {@link Trainer}; {@code loss}, {@code optimizer} and {@code epochs} are required. */
    public static final class Builder {
        private Loss loss;
        private Optimizer optimizer;
        private int epochs;
        private int batchSize = 32;
        private Random shuffleRandom;
        private double targetLoss = Double.NEGATIVE_INFINITY;
        private Dataset validation;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private boolean recordGradientNorms;
        private int patience;

        private Builder() {
        }

        /**
         * The loss to minimise (required).
         *
         * @param loss e.g. {@code Losses.mse()}
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /**
         * The update rule (required).
         *
         * @param optimizer e.g. {@code Optimizers.sgd(0.5)}
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /**
         * The largest number of passes over the training data (required).
         *
         * @param epochs positive
         * @return this builder
         */
        public Builder epochs(int epochs) {
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
        public Builder batchSize(int batchSize) {
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
        public Builder shuffle(long seed) {
            return shuffle(new SplitMix64(seed));
        }

        /**
         * Shuffles the order of samples every epoch with this generator (which is advanced).
         *
         * @param random the generator
         * @return this builder
         */
        public Builder shuffle(Random random) {
            this.shuffleRandom = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Stops as soon as the training loss after an epoch is at most {@code targetLoss}.
         *
         * @param targetLoss a finite number
         * @return this builder
         */
        public Builder targetLoss(double targetLoss) {
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
        public Builder validation(Dataset validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        /**
         * Tells a listener about every epoch (may be called several times to add several).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Records, per epoch and layer, the mean norm of dW over the epoch's steps (for charts of
         * vanishing gradients); see {@link EpochStats#gradientNorms()} for layers other than dense.
         *
         * @return this builder
         */
        public Builder recordGradientNorms() {
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
        public Builder earlyStopping(int patience) {
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
}
