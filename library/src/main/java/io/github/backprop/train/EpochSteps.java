package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.loss.Loss;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.optim.Optimizer;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Random;

/**
 * The inner loop of training: one epoch of gradient steps, each a forward pass on a mini-batch,
 * the backward pass (every delta, dW and db) and one optimiser update. Keeps the workspace and the
 * batch arrays from epoch to epoch, so that a step allocates nothing. Used by one call of the
 * {@link Trainer} at a time (the trainer hands each call steps of its own).
 */
final class EpochSteps {
    /** The gradient norms of an epoch when they are not recorded. */
    private static final double[] NO_NORMS = new double[0];

    private final Loss loss;
    private final Optimizer optimizer;
    private final int batchSize;
    private final Random shuffleRandom;
    private final boolean recordGradientNorms;
    /** The forward and backward pass of the network trained last, and its batches. */
    private Backpropagation workspace;
    private MiniBatches batches;
    /**
     * The network and data set checked last (the data set held weakly): neither changes shape, and a
     * data set never changes, so {@link Trainer#trainEpoch} checks a pair once, not every epoch.
     */
    private Network checkedNetwork;
    private WeakReference<Dataset> checkedData = new WeakReference<>(null);
    /** The sample order handed out by {@link #order} when shuffling. */
    private int[] order;

    EpochSteps(Loss loss, Optimizer optimizer, int batchSize, Random shuffleRandom, boolean recordGradientNorms) {
        this.loss = loss;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.shuffleRandom = shuffleRandom;
        this.recordGradientNorms = recordGradientNorms;
    }

    /** Whether this network and data set were checked against each other and the loss already. */
    boolean checked(Network network, Dataset data) {
        return network == checkedNetwork && data != null && data == checkedData.get();
    }

    /** Remembers that this network and data set were checked. */
    void rememberChecked(Network network, Dataset data) {
        checkedNetwork = network;
        checkedData = new WeakReference<>(data);
    }

    /**
     * The order of the samples for {@link #run}: null (stored order) without shuffling, else an index
     * array that each epoch shuffles again. The array is this object's, set back to 0, 1, ..., so
     * that a loop of {@link Trainer#trainEpoch} allocates nothing.
     */
    int[] order(int samples) {
        if (shuffleRandom == null) {
            return null;
        }
        if (order == null || order.length != samples) {
            order = new int[samples];
        }
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * One epoch over the data (already checked against the network).
     *
     * @param order from {@link #order}, shuffled here first if not null
     * @return the mean ||dW|| per layer over the epoch's steps, if recorded, else an empty array
     * @throws Interrupted if the thread was interrupted before a step
     */
    double[] run(Network network, Dataset data, int[] order) {
        Backpropagation bp = workspaceFor(network, data);
        List<Parameter> params = network.parameters();
        int n = data.size();
        if (order != null) {
            // one epoch's order is drawn in one go, also when calls on several threads share the generator
            synchronized (shuffleRandom) {
                shuffle(order, shuffleRandom);
            }
        }
        double[] norms = recordGradientNorms ? new double[network.layerCount()] : NO_NORMS;
        int steps = 0;
        try {
            for (int from = 0; from < n; from += batchSize) {
                if (Thread.interrupted()) {
                    throw new Interrupted();
                }
                int rows = batches.load(data, order, from);
                bp.forward(batches.x(), 0, rows);
                bp.backward(batches.y(), loss);
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
            batches.settle();
        }
        for (int l = 0; l < norms.length; l++) {
            norms[l] /= steps;
        }
        return norms;
    }

    /** The workspace and batch arrays for this network and data set: the ones from before if they fit. */
    private Backpropagation workspaceFor(Network network, Dataset data) {
        int rows = Math.min(batchSize, data.size());
        if (workspace == null || workspace.network() != network || workspace.maxRows() < rows) {
            workspace = new Backpropagation(network, rows);
            batches = new MiniBatches(batchSize, rows, network.inputSize(), network.outputSize());
        }
        return workspace;
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

    /** Fisher-Yates shuffle of the index array (never of the data). */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The thread was interrupted before a step: a signal to the trainer, which knows the history. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }
}
