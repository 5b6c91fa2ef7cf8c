package io.github.backprop.random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test vectors of WORKLOADS.md section 2, which every language's SplitMix64 must reproduce. */
@DisplayName("SplitMix64")
class SplitMix64Test {

    @Nested
    @DisplayName("nextLong reproduces the published draws")
    class Draws {

        @Test
        @DisplayName("for seed 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f")
        void seed0() {
            SplitMix64 r = new SplitMix64(0);
            assertEquals(Long.parseUnsignedLong("e220a8397b1dcdaf", 16), r.nextLong());
            assertEquals(Long.parseUnsignedLong("6e789e6aa1b965f4", 16), r.nextLong());
            assertEquals(Long.parseUnsignedLong("06c45d188009454f", 16), r.nextLong());
        }

        @Test
        @DisplayName("for seed 0 as Java longs: -2152535657050944081, 7960286522194355700, 487617019471545679")
        void seed0AsLongs() {
            SplitMix64 r = new SplitMix64(0);
            assertEquals(-2152535657050944081L, r.nextLong());
            assertEquals(7960286522194355700L, r.nextLong());
            assertEquals(487617019471545679L, r.nextLong());
        }

        @Test
        @DisplayName("for seed 7: 63cbe1e459320dd7, 044c3cd7f43c661c, e6984080bab12a02")
        void seed7() {
            SplitMix64 r = new SplitMix64(7);
            assertEquals(Long.parseUnsignedLong("63cbe1e459320dd7", 16), r.nextLong());
            assertEquals(Long.parseUnsignedLong("044c3cd7f43c661c", 16), r.nextLong());
            assertEquals(Long.parseUnsignedLong("e6984080bab12a02", 16), r.nextLong());
        }

        @Test
        @DisplayName("for seed 7 as Java longs: 7191089600892374487, 309689372594955804, -1830642326893942270")
        void seed7AsLongs() {
            SplitMix64 r = new SplitMix64(7);
            assertEquals(7191089600892374487L, r.nextLong());
            assertEquals(309689372594955804L, r.nextLong());
            assertEquals(-1830642326893942270L, r.nextLong());
        }
    }

    @Test
    @DisplayName("nextDouble for seed 7 gives 0.3898297483912715, then 0.01678829452815611")
    void nextDouble() {
        SplitMix64 r = new SplitMix64(7);
        assertEquals(0.3898297483912715, r.nextDouble(), 0.0);
        assertEquals(0.01678829452815611, r.nextDouble(), 0.0);
    }

    @Test
    @DisplayName("nextGauss for seed 1001 gives -1.2694759721173017, -0.20388116042829468, 2.015714123644833")
    void nextGauss() {
        SplitMix64 r = new SplitMix64(1001);
        assertEquals(-1.2694759721173017, r.nextGauss(), 0.0);
        assertEquals(-0.20388116042829468, r.nextGauss(), 0.0);
        assertEquals(2.015714123644833, r.nextGauss(), 0.0);
    }

    @Test
    @DisplayName("nextDouble stays in [0, 1)")
    void nextDoubleRange() {
        SplitMix64 r = new SplitMix64(123);
        for (int i = 0; i < 10_000; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1, () -> "draw " + u);
        }
    }

    @Test
    @DisplayName("setSeed restarts the sequence, as for java.util.Random")
    void setSeed() {
        SplitMix64 r = new SplitMix64(7);
        long first = r.nextLong();
        r.nextLong();
        r.setSeed(7);
        assertEquals(first, r.nextLong());
    }

    @Test
    @DisplayName("can stand in for java.util.Random, and Random's other methods follow its draws")
    void isARandom() {
        Random a = new SplitMix64(5);
        Random b = new SplitMix64(5);
        assertEquals(a.nextInt(10), b.nextInt(10));
        assertEquals(a.nextGaussian(), b.nextGaussian(), 0.0);
        assertNotEquals(new SplitMix64(5).nextLong(), new SplitMix64(6).nextLong());
    }
}
