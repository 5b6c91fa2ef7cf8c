package io.github.backprop.math;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows of a matrix being copied by the helper threads while the caller goes on: training copies
 * the next mini-batch this way while it computes the current one, so that reading the data from
 * main memory overlaps the arithmetic (see {@link MatrixKernels#copyRowsLater}). Until
 * {@link #await()} has returned, the destination must be neither read nor written.
 *
 * <p>A helper copies a few rows at a time, only while it has no part of a product to compute, and
 * {@code await()} copies on the caller's thread whatever no helper has started: the copy is
 * complete when {@code await()} returns, whether or not a helper took part.
 */
public final class PendingCopy {
    /** Rows per piece: about this many values, so that a helper is never long away from a product. */
    private static final int PIECE_VALUES = 1024;

    private final double[] src;
    private final int[] order;
    private final int from;
    private final int width;
    private final double[] dst;
    private final int rows;
    private final int rowsPerPiece;
    private final int pieces;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger copied = new AtomicInteger();
    private volatile Throwable failure;
    /** What a helper calls when it is idle (a package-private interface, so not a public method here). */
    final RowSplit.Background work = this::copyPiece;

    /**
     * Rows {@code order[from + i]} (or {@code from + i} without an order) of {@code src}, each
     * {@code width} values long, to row i of {@code dst}, for i below {@code rows}; every index is
     * checked here, on the caller's thread.
     */
    PendingCopy(double[] src, int[] order, int from, int rows, int width, double[] dst) {
        if (rows < 0 || width < 0 || (long) rows * width > dst.length) {
            throw new IllegalArgumentException(rows + " rows of " + width + " values do not fit a destination of "
                    + dst.length);
        }
        for (int i = 0; i < rows; i++) {
            long r = order == null ? (long) from + i : order[from + i];
            if (r < 0 || (r + 1) * width > src.length) {
                throw new IndexOutOfBoundsException("row " + r + " of " + width + " values is outside a source of "
                        + src.length + " values");
            }
        }
        this.src = src;
        this.order = order;
        this.from = from;
        this.width = width;
        this.dst = dst;
        this.rows = rows;
        this.rowsPerPiece = Math.max(1, PIECE_VALUES / Math.max(1, width));
        this.pieces = (rows + rowsPerPiece - 1) / rowsPerPiece;
    }

    /**
     * Copies the next piece that nobody has claimed.
     *
     * @return false if every piece was already claimed
     */
    private boolean copyPiece() {
        if (claimed.get() >= pieces) {
            return false;
        }
        int piece = claimed.getAndIncrement();
        if (piece >= pieces) {
            return false;
        }
        try {
            int last = Math.min(rows, (piece + 1) * rowsPerPiece);
            for (int i = piece * rowsPerPiece; i < last; i++) {
                int r = order == null ? from + i : order[from + i];
                System.arraycopy(src, r * width, dst, i * width, width);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            copied.incrementAndGet();
        }
        return true;
    }

    /**
     * Returns once every row has been copied: copies on this thread the rows no helper has started,
     * then waits for those a helper is copying. Calling it again returns at once.
     */
    public void await() {
        while (copyPiece()) {
            // pieces left: this thread copies them
        }
        while (copied.get() < pieces) {
            Thread.onSpinWait();
        }
        RowSplit.withdraw(work);
        RowSplit.rethrow(failure);
    }
}
