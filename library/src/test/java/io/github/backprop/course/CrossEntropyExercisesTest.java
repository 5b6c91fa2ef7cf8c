package io.github.backprop.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

@DisplayName("Notebook 9's exercises")
class CrossEntropyExercisesTest {
    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Nested
    @DisplayName("1: sigma'(z) at the good start")
    class Slope {
        @Test
        @DisplayName("accepts sigma'(1.5) computed or rounded")
        void right() {
            assertRight(CrossEntropyExercises.slopeAtGoodStart(sigma(1.5) * (1 - sigma(1.5))));
            assertRight(CrossEntropyExercises.slopeAtGoodStart(0.149146));
            assertRight(CrossEntropyExercises.slopeAtGoodStart(0.15));
        }

        @Test
        @DisplayName("rejects a, the largest slope, and z without the bias, with hints")
        void wrong() {
            assertWrong(CrossEntropyExercises.slopeAtGoodStart(0.817574), "the output", "0.149");
            assertWrong(CrossEntropyExercises.slopeAtGoodStart(0.25), "largest slope", "0.149");
            assertWrong(CrossEntropyExercises.slopeAtGoodStart(sigma(0.6) * (1 - sigma(0.6))), "Add the bias", "0.149");
            assertUnanswered(CrossEntropyExercises.slopeAtGoodStart(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: the ratio of the gradients at the good start")
    class Ratio {
        @Test
        @DisplayName("accepts 1 / sigma'(1.5)")
        void right() {
            assertRight(CrossEntropyExercises.gradientRatioAtGoodStart(1 / (sigma(1.5) * (1 - sigma(1.5)))));
            assertRight(CrossEntropyExercises.gradientRatioAtGoodStart(6.70));
        }

        @Test
        @DisplayName("rejects the inverted ratio with a hint")
        void wrong() {
            assertWrong(CrossEntropyExercises.gradientRatioAtGoodStart(sigma(1.5) * (1 - sigma(1.5))), "other way round", "6.7");
            assertWrong(CrossEntropyExercises.gradientRatioAtGoodStart(4), "what is left", "6.7");
        }
    }

    @Nested
    @DisplayName("3: a weight whose input is 0")
    class ZeroInput {
        @Test
        @DisplayName("accepts 0")
        void right() {
            assertRight(CrossEntropyExercises.zeroInput(0));
        }

        @Test
        @DisplayName("rejects the x = 1 gradients and the deltas, with hints")
        void wrong() {
            assertWrong(CrossEntropyExercises.zeroInput(0.982014), "x = 1", "is 0");
            assertWrong(CrossEntropyExercises.zeroInput(0.017345), "x = 1", "is 0");
            assertWrong(CrossEntropyExercises.zeroInput(sigma(2)), "delta x", "is 0");
            assertWrong(CrossEntropyExercises.zeroInput(sigma(2) * sigma(2) * (1 - sigma(2))), "delta x", "is 0");
        }
    }

    @Nested
    @DisplayName("4: which loss moves first from the mirrored bad start")
    class Mirrored {
        @Test
        @DisplayName("accepts true, rejects false, waits for null")
        void verdicts() {
            assertRight(CrossEntropyExercises.crossEntropyCloserAfter30(true));
            assertWrong(CrossEntropyExercises.crossEntropyCloserAfter30(false), "sigma'(z)", "true");
            assertUnanswered(CrossEntropyExercises.crossEntropyCloserAfter30(null));
        }
    }
}
