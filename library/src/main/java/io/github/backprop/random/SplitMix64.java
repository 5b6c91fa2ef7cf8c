package io.github.backprop.random;

import java.util.Random;

/**
 * SplitMix64, a small, fast and fully specified pseudo-random generator.
 *
 * <p>Every draw uses only 64-bit integer arithmetic, so the same seed gives the same numbers in
 * any language: the benchmark workloads and the notebooks use it to reproduce weights bit for bit.
 * It extends {@link Random} so it can be passed wherever the library accepts a {@code Random};
 * {@link #nextLong()}, {@link #nextDouble()} and {@link #nextInt(int)} follow SplitMix64 directly.
 *
 * <p>Not thread-safe: give each thread its own generator.
 */
public final class SplitMix64 extends Random {
    private static final long serialVersionUID = 1L;

    private long state;

    /**
     * Creates a generator whose first draw is determined by {@code seed} alone.
     *
     * @param seed the starting state
     */
    public SplitMix64(long seed) {
        super(0L);
        this.state = seed;
    }

    @Override
    public synchronized void setSeed(long seed) {
        // Random's constructor calls setSeed before our fields exist; afterwards it resets the state.
        this.state = seed;
    }

    /** Returns the next 64 random bits. */
    @Override
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Returns the top {@code bits} bits of the next draw (used by {@link Random}'s other methods). */
    @Override
    protected int next(int bits) {
        return (int) (nextLong() >>> (64 - bits));
    }

    /** Returns a uniform double in [0, 1): the top 53 bits of the next draw, times 2^-53. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Returns an approximately normal number with mean 0 and variance 1: the Irwin-Hall sum of
     * four uniforms, centred and scaled. Exact in any language, unlike {@link #nextGaussian()}.
     *
     * @return (u1 + u2 + u3 + u4 - 2) * sqrt(3)
     */
    public double nextGauss() {
        double s = nextDouble();
        s += nextDouble();
        s += nextDouble();
        s += nextDouble();
        return (s - 2.0) * Math.sqrt(3.0);
    }
}
