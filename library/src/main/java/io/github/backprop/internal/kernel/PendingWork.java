package io.github.backprop.internal.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work on indices 0 to count - 1 being done by the helper threads while the caller goes on (see
 * {@link Kernels#later}): training copies the next mini-batch this way while it computes the current
 * one, so that reading the data from main memory overlaps the arithmetic.
 *
 * <p>A helper does one piece at a time, only while it has no part of a product to compute, and
 * {@link #await()} does on the caller's thread whatever no helper has started: the work is complete
 * when {@code await()} returns, whether or not a helper took part.
 */
final class PendingWork implements Kernels.Pending {
    private final int count;
    private final int perPiece;
    private final int pieces;
    private final Kernels.Range body;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;
    /** What a helper calls when it is idle. */
    final RowSplit.Background steps = this::doPiece;

    PendingWork(int count, int perPiece, Kernels.Range body) {
        if (count < 0 || perPiece <= 0) {
            throw new IllegalArgumentException("work on " + count + " indices, " + perPiece + " at a time");
        }
        this.count = count;
        this.perPiece = perPiece;
        this.pieces = (count + perPiece - 1) / perPiece;
        this.body = body;
    }

    /**
     * Does the next piece that nobody has claimed.
     *
     * @return false if every piece was already claimed
     */
    private boolean doPiece() {
        if (claimed.get() >= pieces) {
            return false;
        }
        int piece = claimed.getAndIncrement();
        if (piece >= pieces) {
            return false;
        }
        try {
            body.compute(piece * perPiece, Math.min(count, (piece + 1) * perPiece));
        } catch (Throwable t) {
            failure = t;
        } finally {
            done.incrementAndGet();
        }
        return true;
    }

    @Override
    public void await() {
        while (doPiece()) {
            // pieces left: this thread does them
        }
        while (done.get() < pieces) {
            Thread.onSpinWait();
        }
        RowSplit.withdraw(steps);
        RowSplit.rethrow(failure);
    }
}
