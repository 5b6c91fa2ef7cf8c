package io.github.backprop.internal.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Shares the rows of C in a large product between the processors. Each row of C is computed whole
 * by one thread, so the result is the same bit for bit with one thread or many.
 *
 * <p>The number of threads is the system property {@code backprop.threads}, by default the number
 * of processors the JVM sees. The helper threads are daemon threads named
 * {@code backprop-kernels-1}, {@code backprop-kernels-2}, ..., started on first use. A training
 * step hands parts over a few times within a millisecond, and waking a parked thread costs tens of
 * microseconds on a virtual machine, so a helper that has just finished a part waits for the next
 * for at most {@link #WAIT_NANOS} (50 microseconds), yielding its processor to any other thread
 * that wants it, and then parks, using no processor time until it is handed a part. Waiting longer,
 * or without yielding, would take the processors from the threads doing the work whenever the
 * machine runs more threads than it has processors, as a shared Binder or classroom machine does.
 * The caller waits for its helpers to finish their parts the same way, yielding. {@link #shutdown()} ends the helpers; the next large product starts new ones. Products
 * called from several threads at once do not wait for each other: a caller that finds the helpers
 * busy computes its whole product itself.
 *
 * <p>A helper with no part to compute does background work offered to it (the copy of the next
 * mini-batch, {@link PendingWork}), a small piece at a time, so that a part handed to it waits for
 * one piece at most.
 */
final class RowSplit {
    /** Work for idle helpers, in small pieces. */
    interface Background {
        /**
         * Does one piece of the work.
         *
         * @return false if no piece was left to do
         */
        boolean step();
    }

    /** How long a helper that has just finished some work waits, yielding, for more before it parks. */
    static final long WAIT_NANOS = 50_000L;
    private static final int THREADS = readThreads();
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static final AtomicReference<Background> BACKGROUND = new AtomicReference<>();
    private static volatile Helper[] helpers;

    private RowSplit() {
    }

    /**
     * Computes rows 0 to {@code rows - 1}, on several threads if the product is large.
     *
     * @param rows rows of C (or columns, or values: whatever the body takes ranges of)
     * @param large whether the work is large enough to be worth handing over (see {@link SharedKernels})
     * @param body the product, for a range of rows
     */
    static void run(int rows, boolean large, Kernels.Range body) {
        run(rows, 8, large, body);
    }

    /**
     * Computes rows 0 to {@code rows - 1}, on several threads if the product is large, cutting the
     * range only at multiples of {@code align} (a register tile's height or width).
     */
    static void run(int rows, int align, boolean large, Kernels.Range body) {
        int parts = Math.min(THREADS, rows / align);
        if (!large || parts < 2 || !BUSY.compareAndSet(false, true)) {
            body.compute(0, rows);
            return;
        }
        Part[] others = new Part[parts - 1];
        int handed = 0;
        try {
            Helper[] team = helpers();
            for (int t = 1; t < parts; t++) {
                others[t - 1] = new Part(body, boundary(rows, parts, t, align), boundary(rows, parts, t + 1, align));
                team[t - 1].hand(others[t - 1]);
                handed++;
            }
            body.compute(0, boundary(rows, parts, 1, align));
        } finally {
            // Even if this thread's part failed, the helpers finish theirs before the helpers are free
            // again (and before the caller sees the exception): nothing writes into C afterwards.
            for (int t = 0; t < handed; t++) {
                others[t].awaitDone();
            }
            BUSY.set(false);
        }
        for (int t = 0; t < handed; t++) {
            others[t].rethrow();
        }
    }

    /**
     * Offers work to the helpers, which do it piece by piece while they have no part of a product to
     * compute; it replaces any work offered before. Whoever offered it finishes what is left (the
     * helpers may never get to it), so with one thread this does nothing.
     */
    static void offer(Background work) {
        if (THREADS < 2) {
            return;
        }
        Helper[] team = helpers();
        BACKGROUND.set(work);
        for (Helper helper : team) {
            helper.wake();
        }
    }

    /** Withdraws the work offered, if it is still on offer. */
    static void withdraw(Background work) {
        BACKGROUND.compareAndSet(work, null);
    }

    /** Throws on the caller's thread what a helper's work threw, as it was if unchecked; nothing if null. */
    static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The first row of part {@code t}: parts of equal size in whole blocks of {@code align} rows. */
    static int boundary(int rows, int parts, int t, int align) {
        if (t >= parts) {
            return rows;
        }
        int blocks = (rows + align - 1) / align;
        return Math.min(rows, (int) ((long) blocks * t / parts) * align);
    }

    /**
     * Ends the helper threads: waits for a product being shared to finish, takes the helpers away
     * so that no new part is handed to them, and waits until each has finished what it was doing and
     * ended. Background work on offer is left to whoever offered it. The next large product starts
     * new helpers.
     *
     * @throws IllegalStateException if called on a helper thread (it would wait for itself)
     */
    static void shutdown() {
        if (Thread.currentThread() instanceof Helper) {
            throw new IllegalStateException("a helper thread cannot shut the helpers down");
        }
        Helper[] team;
        // while this holds BUSY no product hands out parts: a caller that comes now computes alone
        while (!BUSY.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        try {
            synchronized (RowSplit.class) {
                team = helpers;
                helpers = null;
            }
        } finally {
            BUSY.set(false);
        }
        if (team == null) {
            return;
        }
        for (Helper helper : team) {
            helper.stopWhenIdle();
        }
        boolean interrupted = false;
        for (Helper helper : team) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many helper threads are running (0 before the first shared product and after {@link #shutdown()}). */
    static int runningHelpers() {
        Helper[] team = helpers;
        int running = 0;
        if (team != null) {
            for (Helper helper : team) {
                if (helper.isAlive()) {
                    running++;
                }
            }
        }
        return running;
    }

    /** The number of threads a large product is shared between. */
    static int threads() {
        return THREADS;
    }

    /** Rows of a product handed to a helper, and whether they are done. */
    private static final class Part {
        private final Kernels.Range body;
        private final int from;
        private final int to;
        private volatile boolean done;
        private Throwable failure;

        Part(Kernels.Range body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        void run() {
            try {
                body.compute(from, to);
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
        }

        /** Waits until the helper is done (it is already computing), yielding the processor meanwhile. */
        void awaitDone() {
            while (!done) {
                Thread.yield();
            }
        }

        /** Throws what the helper's part threw, if anything. */
        void rethrow() {
            RowSplit.rethrow(failure);
        }
    }

    /** A daemon thread that computes the parts handed to it, until {@link #shutdown()} stops it. */
    private static final class Helper extends Thread {
        private volatile Part next;
        private volatile boolean parked;
        private volatile boolean stopping;

        Helper(int number) {
            super("backprop-kernels-" + number);
            setDaemon(true);
        }

        void hand(Part part) {
            next = part;
            wake();
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /** Asks the helper to end once it has no part to compute. */
        void stopWhenIdle() {
            stopping = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Part part = awaitPart();
                if (part == null) {
                    return;
                }
                next = null;
                part.run();
            }
        }

        /**
         * The next part, or null once the helper is asked to stop: waits for it, yielding, for up to
         * {@link #WAIT_NANOS} after the last work, then parks.
         */
        private Part awaitPart() {
            long lastWork = System.nanoTime();
            while (true) {
                Part part = next;
                if (part != null) {
                    return part;
                }
                if (stopping) {
                    return null;
                }
                Background work = BACKGROUND.get();
                if (work != null) {
                    if (!work.step()) {
                        withdraw(work);
                    }
                    lastWork = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - lastWork < WAIT_NANOS) {
                    Thread.yield();
                    continue;
                }
                parked = true;
                // hand(), offer() and stopWhenIdle() set their flag before they read parked, so either they
                // see parked or this sees their flag
                if (next == null && BACKGROUND.get() == null && !stopping) {
                    LockSupport.park(this);
                }
                parked = false;
                // woken for work (which is there at once) or for nothing: no waiting either way
                lastWork = System.nanoTime() - WAIT_NANOS;
            }
        }
    }

    private static Helper[] helpers() {
        Helper[] team = helpers;
        if (team == null) {
            synchronized (RowSplit.class) {
                team = helpers;
                if (team == null) {
                    team = new Helper[THREADS - 1];
                    for (int t = 0; t < team.length; t++) {
                        team[t] = new Helper(t + 1);
                        team[t].start();
                    }
                    helpers = team;
                }
            }
        }
        return team;
    }

    private static int readThreads() {
        String property = System.getProperty("backprop.threads");
        if (property == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(property.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property backprop.threads must be a whole number of at least 1, got '"
                + property + "'");
    }
}
