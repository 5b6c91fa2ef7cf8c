package io.github.backprop.loss;

import io.github.backprop.activation.Activations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Losses")
class LossesTest {

    @Nested
    @DisplayName("MSE")
    class Mse {
        final Loss mse = Losses.mse();

        @Test
        @DisplayName("is 1/2 sum_k (a_k - y_k)^2 per sample, and the mean over the batch")
        void value() {
            double[] a = {0.5, 1.0, 2.0, 0.0};
            double[] y = {0.0, 1.0, 1.0, 1.0};
            assertEquals(0.5 * 0.25, mse.sampleLoss(a, y, 0, 2));
            assertEquals(0.5 * (1 + 1), mse.sampleLoss(a, y, 2, 2));
            assertEquals((0.125 + 1.0) / 2, mse.value(a, y, 2, 2));
        }

        @Test
        @DisplayName("has gradient a - y")
        void gradient() {
            double[] dLda = new double[2];
            mse.gradient(new double[] {0.5, 2.0}, new double[] {1.0, -1.0}, dLda, 1, 2);
            assertArrayEquals(new double[] {-0.5, 3.0}, dLda);
        }

        @Test
        @DisplayName("accepts any target and never takes the a - y shortcut")
        void anyTarget() {
            assertNull(mse.targetProblem(-42));
            assertFalse(mse.simplifiesWith(Activations.sigmoid()));
        }
    }

    @Nested
    @DisplayName("binary cross-entropy")
    class Binary {
        final Loss bce = Losses.binaryCrossEntropy();

        @Test
        @DisplayName("is -[y log a + (1 - y) log(1 - a)] summed over outputs")
        void value() {
            assertEquals(-Math.log(0.8) - Math.log(1 - 0.4), bce.sampleLoss(new double[] {0.8, 0.4}, new double[] {1, 0}, 0, 2), 1e-15);
            assertEquals(-(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)), bce.sampleLoss(new double[] {0.6}, new double[] {0.3}, 0, 1), 1e-15);
        }

        @Test
        @DisplayName("is 0, not NaN, when a confident output is right")
        void confident() {
            assertEquals(0.0, bce.sampleLoss(new double[] {1.0, 0.0}, new double[] {1, 0}, 0, 2));
        }

        @Test
        @DisplayName("has gradient (a - y) / (a (1 - a)) and the a - y shortcut with a sigmoid")
        void gradient() {
            double[] dLda = new double[1];
            bce.gradient(new double[] {0.6}, new double[] {0.3}, dLda, 1, 1);
            assertEquals((0.6 - 0.3) / (0.6 * 0.4), dLda[0], 1e-15);
            assertTrue(bce.simplifiesWith(Activations.sigmoid()));
            assertFalse(bce.simplifiesWith(Activations.softmax()));
        }

        @Test
        @DisplayName("needs targets in [0, 1]")
        void targets() {
            assertNull(bce.targetProblem(0.5));
            assertEquals("binary cross-entropy needs targets in [0, 1], got 1.5", bce.targetProblem(1.5));
        }
    }

    @Nested
    @DisplayName("categorical cross-entropy")
    class Categorical {
        final Loss ce = Losses.crossEntropy();

        @Test
        @DisplayName("is -sum_k y_k log a_k, so -log of the true class's probability for one-hot targets")
        void value() {
            assertEquals(-Math.log(0.7), ce.sampleLoss(new double[] {0.2, 0.7, 0.1}, new double[] {0, 1, 0}, 0, 3), 0.0);
        }

        @Test
        @DisplayName("ignores classes with y = 0 even where a = 0")
        void zeroProbability() {
            assertEquals(0.0, ce.sampleLoss(new double[] {1.0, 0.0}, new double[] {1, 0}, 0, 2));
        }

        @Test
        @DisplayName("has gradient -y/a and the a - y shortcut with softmax")
        void gradient() {
            double[] dLda = new double[2];
            ce.gradient(new double[] {0.25, 0.75}, new double[] {1, 0}, dLda, 1, 2);
            assertArrayEquals(new double[] {-4.0, 0.0}, dLda);
            assertTrue(ce.simplifiesWith(Activations.softmax()));
            assertFalse(ce.simplifiesWith(Activations.sigmoid()));
        }

        @Test
        @DisplayName("needs targets in [0, 1]")
        void targets() {
            assertEquals("cross-entropy needs targets in [0, 1] (one-hot), got -1.0", ce.targetProblem(-1));
        }
    }
}
