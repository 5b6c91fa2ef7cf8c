package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.internal.kernel.Kernels;

import java.lang.ref.WeakReference;

/**
 * The mini-batches of an epoch, as the flat arrays the backward pass reads: batch after batch of
 * consecutive rows (in stored order, or in the order of an index array), copied into arrays that
 * are reused from step to step.
 *
 * <p>Two things save time without changing a number. A large batch (32,768 values or more, with
 * more than one thread) has its successor copied by the helper threads while it is being computed
 * ({@link Kernels#later}); and rows already in place are not copied again: in full-batch training
 * the same rows, epoch after epoch (the batch arrays remember, weakly, which data set's rows they
 * hold, and forget it whenever they get other content).
 */
final class MiniBatches {
    /** Values a helper copies at a time, so that it is never long away from a product. */
    private static final int PIECE_VALUES = 1024;

    private final int batchSize;
    private final int featureCount;
    private final int targetCount;
    /** Whether the next batch is copied by helper threads while this one is computed. */
    private final boolean copyAhead;
    private double[] x;
    private double[] y;
    /** The batch after this one, copied while this one is computed (only when {@code copyAhead}). */
    private double[] nextX;
    private double[] nextY;
    private Kernels.Pending next;
    /**
     * The data set whose rows {@code from} to {@code from + rows - 1}, in stored order, {@code x} and
     * {@code y} hold (held weakly, so as not to keep it alive). A data set never changes, so a batch
     * that is already in place is not copied again.
     */
    private WeakReference<Dataset> source = new WeakReference<>(null);
    private int sourceFrom;
    private int sourceRows;

    /**
     * Arrays for batches of up to {@code capacity} rows.
     *
     * @param batchSize rows per batch (the last batch of an epoch can be shorter)
     * @param capacity the most rows a batch can have: the batch size, or fewer for a small data set
     * @param featureCount values per row of x
     * @param targetCount values per row of y
     */
    MiniBatches(int batchSize, int capacity, int featureCount, int targetCount) {
        this.batchSize = batchSize;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.copyAhead = Kernels.chosen().worthDoingLater((long) batchSize * featureCount);
        this.x = new double[capacity * featureCount];
        this.y = new double[capacity * targetCount];
        this.nextX = copyAhead ? new double[x.length] : null;
        this.nextY = copyAhead ? new double[y.length] : null;
    }

    /** The current batch's features, row by row (valid until the next {@link #load}). */
    double[] x() {
        return x;
    }

    /** The current batch's targets, row by row (valid until the next {@link #load}). */
    double[] y() {
        return y;
    }

    /**
     * Makes the batch that starts at position {@code from} the current one, and starts copying the
     * batch after it if batches are copied ahead.
     *
     * @param data the data set
     * @param order row indices, or null for stored order
     * @param from the batch's first position in {@code order} (or first row)
     * @return the rows in the batch
     */
    int load(Dataset data, int[] order, int from) {
        int n = data.size();
        int rows = Math.min(batchSize, n - from);
        if (next != null) {
            next.await();
            next = null;
            swap();
        } else if (order == null) {
            copyInOrder(data, from, rows);
        } else {
            source.clear();
            data.copyRows(order, from, rows, x, y);
        }
        int nextFrom = from + batchSize;
        if (copyAhead && nextFrom < n) {
            next = copyLater(data, order, nextFrom, Math.min(batchSize, n - nextFrom));
        }
        return rows;
    }

    /** Waits for a batch being copied ahead, if any, so that no helper writes into the arrays afterwards. */
    void settle() {
        if (next != null) {
            Kernels.Pending pending = next;
            next = null;
            source.clear();
            pending.await();
        }
    }

    /** Copies rows {@code from} to {@code from + rows - 1} into the batch arrays, unless they are there already. */
    private void copyInOrder(Dataset data, int from, int rows) {
        if (data != source.get() || from != sourceFrom || rows != sourceRows) {
            // cleared first: a copy that fails half way leaves no claim on what the arrays hold
            source.clear();
            data.copyRows(from, rows, x, y);
            source = new WeakReference<>(data);
            sourceFrom = from;
            sourceRows = rows;
        }
    }

    /** Starts copying the rows of the next batch into {@code nextX} and {@code nextY}, a few rows per piece. */
    private Kernels.Pending copyLater(Dataset data, int[] order, int from, int rows) {
        double[] toX = nextX;
        double[] toY = nextY;
        int perPiece = Math.max(1, PIECE_VALUES / Math.max(1, featureCount));
        return Kernels.chosen().later(rows, perPiece, (first, end) -> {
            for (int i = first; i < end; i++) {
                data.copyRow(order == null ? from + i : order[from + i], toX, i * featureCount, toY, i * targetCount);
            }
        });
    }

    private void swap() {
        source.clear();
        double[] t = x;
        x = nextX;
        nextX = t;
        t = y;
        y = nextY;
        nextY = t;
    }
}
