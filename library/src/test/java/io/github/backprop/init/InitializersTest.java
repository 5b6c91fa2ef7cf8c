package io.github.backprop.init;

import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounds and rough statistics of the initialisers, on a 100 x 200 layer (20,000 draws): the
 * sample variance of n draws has a relative standard error of at most sqrt(2/n) = 1%, and the
 * sample mean a standard error of sd/sqrt(n), so tolerances of 5% and five standard errors do not
 * fail by chance while still telling 1/fan_in from 2/fan_in.
 */
@DisplayName("Initialisers")
class InitializersTest {
    static final int FAN_IN = 200;
    static final int FAN_OUT = 100;

    static double[] draw(Initializer init, long seed) {
        double[] w = new double[FAN_IN * FAN_OUT];
        init.initialize(w, FAN_IN, FAN_OUT, new SplitMix64(seed));
        return w;
    }

    static double mean(double[] w) {
        return Arrays.stream(w).average().orElseThrow();
    }

    static double variance(double[] w) {
        double m = mean(w);
        return Arrays.stream(w).map(v -> (v - m) * (v - m)).sum() / (w.length - 1);
    }

    /** Five standard errors of the mean of all draws, for draws with the given variance. */
    static double meanTolerance(double variance) {
        return 5 * Math.sqrt(variance / (FAN_IN * FAN_OUT));
    }

    static double maxAbs(double[] w) {
        return Arrays.stream(w).map(Math::abs).max().orElseThrow();
    }

    @Nested
    @DisplayName("uniformFanIn")
    class UniformFanIn {

        @Test
        @DisplayName("stays within +-1/sqrt(fan_in) and has variance 1/(3 fan_in)")
        void boundsAndVariance() {
            double[] w = draw(Initializers.uniformFanIn(), 1);
            double r = 1 / Math.sqrt(FAN_IN);
            assertTrue(maxAbs(w) <= r);
            assertTrue(maxAbs(w) > 0.99 * r, "the draws reach close to the bound");
            assertEquals(r * r / 3, variance(w), 0.05 * r * r / 3);
            assertEquals(0, mean(w), meanTolerance(r * r / 3));
        }

        @Test
        @DisplayName("computes each weight as (2u - 1) / sqrt(fan_in) from the generator's draws, in order")
        void formula() {
            double[] w = new double[3];
            Initializers.uniformFanIn().initialize(w, 4, 3, new SplitMix64(7));
            SplitMix64 r = new SplitMix64(7);
            for (double v : w) {
                assertEquals((2.0 * r.nextDouble() - 1.0) * (1.0 / Math.sqrt(4)), v, 0.0);
            }
        }
    }

    @Test
    @DisplayName("xavier stays within +-sqrt(6/(fan_in + fan_out)) and has variance 2/(fan_in + fan_out)")
    void xavier() {
        double[] w = draw(Initializers.xavier(), 2);
        double r = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
        assertTrue(maxAbs(w) <= r);
        assertTrue(maxAbs(w) > 0.99 * r);
        double expected = 2.0 / (FAN_IN + FAN_OUT);
        assertEquals(expected, variance(w), 0.05 * expected);
        assertEquals(0, mean(w), meanTolerance(expected));
    }

    @Test
    @DisplayName("he has mean 0 and variance 2/fan_in")
    void he() {
        double[] w = draw(Initializers.he(), 3);
        double expected = 2.0 / FAN_IN;
        assertEquals(expected, variance(w), 0.05 * expected);
        assertEquals(0, mean(w), meanTolerance(expected));
    }

    @Test
    @DisplayName("uniform(limit) stays within +-limit with variance limit^2 / 3, whatever the layer's size")
    void uniform() {
        double[] w = draw(Initializers.uniform(0.3), 4);
        assertTrue(maxAbs(w) <= 0.3);
        assertEquals(0.09 / 3, variance(w), 0.05 * 0.09 / 3);
    }

    @Test
    @DisplayName("normal(std) has variance std^2")
    void normal() {
        double[] w = draw(Initializers.normal(0.5), 5);
        assertEquals(0.25, variance(w), 0.05 * 0.25);
    }

    @Test
    @DisplayName("constant and zeros fill every value and draw nothing")
    void constant() {
        SplitMix64 r = new SplitMix64(9);
        double[] w = new double[4];
        Initializers.constant(0.7).initialize(w, 2, 2, r);
        assertArrayEquals(new double[] {0.7, 0.7, 0.7, 0.7}, w);
        Initializers.zeros().initialize(w, 2, 2, r);
        assertArrayEquals(new double[4], w);
        assertEquals(new SplitMix64(9).nextLong(), r.nextLong(), "the generator was not advanced");
    }

    @Test
    @DisplayName("give the same values for the same seed")
    void deterministic() {
        assertArrayEquals(draw(Initializers.he(), 42), draw(Initializers.he(), 42));
        assertArrayEquals(draw(Initializers.xavier(), 42), draw(Initializers.xavier(), 42));
    }

    @Test
    @DisplayName("reject a non-positive or non-finite limit, standard deviation or constant, naming the value")
    void rejectBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.uniform(0));
        assertTrue(e.getMessage().contains("0.0"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> Initializers.uniform(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Initializers.normal(-1));
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.constant(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e::getMessage);
    }
}
