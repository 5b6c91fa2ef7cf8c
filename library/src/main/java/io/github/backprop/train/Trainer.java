package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.Score;
import io.github.backprop.loss.Loss;
import io.github.backprop.nn.Inputs;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

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
 * optimiser update. Batches are consecutive slices of the samples; with {@link TrainerBuilder#shuffle(long)}
 * the order is shuffled every epoch by the given generator. The caller's data is never reordered
 * or modified. After each epoch the whole training set (and the validation set, if any) is scored
 * once; a NaN or infinite loss stops training with a {@link TrainingDivergedException}, and puts
 * back the weights of the last epoch whose loss was finite (or the weights before training, if the
 * first epoch diverged), so the network never keeps infinite or NaN weights. The loop
 * checks for thread interruption before every step ({@link TrainingInterruptedException}).
 *
 * <p>The optimiser's memory (momentum, Adam) carries over between calls to {@code fit}; it is kept
 * per parameter, so every network trained with one optimiser has a memory of its own.
 *
 * <h2>Threads</h2>
 * A trainer is a configuration: one trainer can train any number of networks, one after another or
 * at the same time on several threads (e.g. from {@code parallelStream()}), and each network ends
 * with the weights it would have had alone. Each call to {@code fit} or {@code trainEpoch} works in
 * arrays of its own (one call after another reuses the same arrays, so a loop of {@code trainEpoch}
 * allocates nothing). Two things are shared by the calls, and used by them in whatever order they
 * come: the generator of {@link TrainerBuilder#shuffle(long)} (so with shuffling, which network gets
 * which order depends on the order of the calls: build one trainer per network for reproducible
 * parallel runs), and the listeners (called on the thread that trains, by every call). What must
 * not happen is one network trained by two calls at once, since every step changes its weights:
 * {@code fit} refuses a network that another {@code fit} is training with an
 * {@link IllegalStateException}; {@code trainEpoch}, the bare loop, does not look (a check there
 * costs a tenth of the W1 benchmark's time), so a loop of your own must train each network on one
 * thread.
 */
public final class Trainer {
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final double targetLoss;
    private final Dataset validation;
    private final List<TrainingListener> listeners;
    /** Epochs without a better validation loss before training stops; 0 = no early stopping. */
    private final int patience;

    /** New steps of an epoch, with this trainer's settings and no arrays yet. */
    private final Supplier<EpochSteps> newSteps;
    /** Guards {@link #idleSteps} (a lock, not an atomic: the interpreter runs it faster while W1 warms up). */
    private final Object idleLock = new Object();
    /**
     * The steps of an epoch, with the workspace and batch arrays they reuse, while no call uses them:
     * a call takes them (or new ones, if another call has them) and puts them back when it ends.
     */
    private EpochSteps idleSteps;

    Trainer(TrainerBuilder b) {
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.targetLoss = b.targetLoss;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
        this.patience = b.patience;
        Random shuffleRandom = b.shuffleRandom;
        boolean recordGradientNorms = b.recordGradientNorms;
        this.newSteps = () -> new EpochSteps(loss, optimizer, batchSize, shuffleRandom, recordGradientNorms);
    }

    /** Starts a trainer; {@code loss}, {@code optimizer} and {@code epochs} are required. */
    public static TrainerBuilder builder() {
        return new TrainerBuilder();
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
     * @throws IllegalArgumentException if the data does not fit the network or the loss, or the loss
     *     cannot learn from the network's output activation (e.g. cross-entropy after ReLU), naming the
     *     pair and what to use instead
     * @throws IllegalStateException if another call of {@code fit} is training the network
     * @throws TrainingDivergedException if the loss becomes NaN or infinite (the network then has the
     *     weights of the last epoch with a finite loss)
     * @throws TrainingInterruptedException if the thread is interrupted
     */
    public History fit(Network network, Dataset training) {
        checkData(network, training, "training");
        if (validation != null) {
            checkData(network, validation, "validation");
        }
        NetworksInTraining.claim(network);
        EpochSteps steps = takeSteps();
        try {
            return epochs(network, training, steps);
        } finally {
            putBack(steps);
            NetworksInTraining.release(network);
        }
    }

    /** The epochs of {@link #fit}, with steps no other call uses. */
    private History epochs(Network network, Dataset training, EpochSteps steps) {
        long start = System.nanoTime();
        List<EpochStats> done = new ArrayList<>();
        History.StopReason reason = History.StopReason.EPOCHS_COMPLETED;
        int[] order = steps.order(training.size());
        BestWeights best = patience == 0 ? null : new BestWeights(network);
        // the weights after the last epoch whose loss was finite (at first, the weights before training)
        WeightsCopy lastFinite = new WeightsCopy(network);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double[] norms = steps.run(network, training, order);
                Score train = Evaluation.score(network, loss, training);
                if (!Double.isFinite(train.loss())) {
                    lastFinite.putBack();
                    History before = new History(done, History.StopReason.STOPPED_EARLY);
                    throw new TrainingDivergedException(epoch, train.loss(), optimizer.learningRate(), before);
                }
                lastFinite.take();
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
        } catch (EpochSteps.Interrupted e) {
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
     * One epoch of gradient steps and nothing else: no scoring, no listeners, no history. For a
     * training loop of your own, e.g. one that scores only every 100th epoch of a long run, or
     * that times the training alone:
     * <pre>{@code
     * for (int epoch = 1; epoch <= 10_000; epoch++) {
     *     trainer.trainEpoch(network, data);
     *     if (epoch % 1000 == 0) {
     *         System.out.println(epoch + ": " + Evaluation.score(network, trainer.loss(), data).loss());
     *     }
     * }
     * }</pre>
     * The steps are those of {@link #fit}: batches in stored order (or shuffled, if this trainer
     * shuffles), one optimiser step each. The data is checked as in {@code fit}, once for each new
     * pair of network and data set.
     *
     * @param network the network to train (its parameters change)
     * @param training the training samples (never modified)
     * @throws NullPointerException if the data is null
     * @throws IllegalArgumentException if the data does not fit the network or the loss, or the loss
     *     cannot learn from the network's output activation, as in {@code fit}
     * @throws TrainingInterruptedException if the thread is interrupted
     */
    public void trainEpoch(Network network, Dataset training) {
        EpochSteps steps = takeSteps();
        try {
            if (!steps.checked(network, training)) {
                checkData(network, training, "training");
                steps.rememberChecked(network, training);
            }
            steps.run(network, training, steps.order(training.size()));
        } catch (EpochSteps.Interrupted e) {
            throw new TrainingInterruptedException(new History(List.of(), History.StopReason.STOPPED_EARLY));
        } finally {
            putBack(steps);
        }
    }

    /** Steps for a call: the idle ones, or new ones if another call has them. */
    private EpochSteps takeSteps() {
        EpochSteps steps;
        synchronized (idleLock) {
            steps = idleSteps;
            idleSteps = null;
        }
        return steps != null ? steps : newSteps.get();
    }

    /** Ends a call: its steps become the idle ones, for the next call to reuse. */
    private void putBack(EpochSteps steps) {
        synchronized (idleLock) {
            idleSteps = steps;
        }
    }

    private void checkData(Network network, Dataset data, String what) {
        checkShapes(network, data, what);
        String pair = loss.outputProblem(network.layer(network.layerCount()).activation());
        if (pair != null) {
            throw new IllegalArgumentException(pair);
        }
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
}
