package io.github.backprop.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

@DisplayName("Notebook 5's exercises")
class BiasGradientExercisesTest {

    @Nested
    @DisplayName("1: db of hidden neuron 1")
    class HiddenBias {
        @Test
        @DisplayName("accepts it as computed, as read off the table to 7 or 6 digits, and as printed in notebook 4")
        void right() {
            assertRight(BiasGradientExercises.hiddenBiasGradient(0.014996075488896851));
            assertRight(BiasGradientExercises.hiddenBiasGradient(0.0149961));
            assertRight(BiasGradientExercises.hiddenBiasGradient(0.014996));
            assertRight(BiasGradientExercises.hiddenBiasGradient(0.01499607548));
        }

        @Test
        @DisplayName("rejects neuron 0's, and the gradients of the weights into neuron 1, with hints")
        void wrong() {
            assertWrong(BiasGradientExercises.hiddenBiasGradient(0.013368), "counted from 0", "0.01499");
            assertWrong(BiasGradientExercises.hiddenBiasGradient(0.0014996), "dW[1]_11", "0.01499");
            assertWrong(BiasGradientExercises.hiddenBiasGradient(0.00074980), "dW[1]_10", "0.01499");
            assertWrong(BiasGradientExercises.hiddenBiasGradient(0.025), "delta", "0.01499");
            assertUnanswered(BiasGradientExercises.hiddenBiasGradient(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: a bug that makes every bias gradient 0")
    class BiasBug {
        @Test
        @DisplayName("accepts 2 rows (b1, b2) with a relative error of exactly 1")
        void right() {
            assertRight(BiasGradientExercises.biasBug(2, 1));
            assertRight(BiasGradientExercises.biasBug(2, 1.0));
        }

        @Test
        @DisplayName("rejects counting biases instead of rows, all rows, an error of 0 or near 1, with hints")
        void wrong() {
            assertWrong(BiasGradientExercises.biasBug(3, 1), "count rows", "is 2");
            assertWrong(BiasGradientExercises.biasBug(4, 1), "still pass", "is 2");
            assertWrong(BiasGradientExercises.biasBug(2, 0), "differ", "is 1");
            assertWrong(BiasGradientExercises.biasBug(2, 0.9), "analytic = 0", "is 1");
            assertUnanswered(BiasGradientExercises.biasBug(null, 1));
        }
    }

    @Nested
    @DisplayName("3: the step of the gradient check")
    class Step {
        @Test
        @DisplayName("accepts 1e-3 as the best step and 1e-8 as the one spoiled by rounding, written either way")
        void right() {
            assertRight(BiasGradientExercises.finiteDifferenceStep(1e-3, 1e-8));
            assertRight(BiasGradientExercises.finiteDifferenceStep(0.001, 0.00000001));
        }

        @Test
        @DisplayName("rejects the smallest or the largest step as the best, and 1e-1 as rounding's, with hints")
        void wrong() {
            assertWrong(BiasGradientExercises.finiteDifferenceStep(1e-8, 1e-8), "Smaller is not always better", "0.001");
            assertWrong(BiasGradientExercises.finiteDifferenceStep(1e-1, 1e-8), "too coarse", "0.001");
            assertWrong(BiasGradientExercises.finiteDifferenceStep(1e-3, 1e-1), "truncation", "1.0E-8");
            assertUnanswered(BiasGradientExercises.finiteDifferenceStep(1e-3, null));
        }
    }

    @Nested
    @DisplayName("4: the cost of one gradient of the 2-2-1 network")
    class Cost {
        @Test
        @DisplayName("accepts 18 forward passes (2 x 9 parameters) and 8 multiply-adds (6 for dW, 2 to pass delta back)")
        void right() {
            assertRight(BiasGradientExercises.costOfAGradient(18, 8));
        }

        @Test
        @DisplayName("rejects one pass per parameter, weights only, four passes, dW alone, and a delta for the input")
        void wrong() {
            assertWrong(BiasGradientExercises.costOfAGradient(9, 8), "two, L(w + h)", " 18");
            assertWrong(BiasGradientExercises.costOfAGradient(12, 8), "Biases are parameters", " 18");
            assertWrong(BiasGradientExercises.costOfAGradient(36, 8), "five-point", " 18");
            assertWrong(BiasGradientExercises.costOfAGradient(18, 6), "dW alone", " 8");
            assertWrong(BiasGradientExercises.costOfAGradient(18, 12), "input has no delta", " 8");
            assertWrong(BiasGradientExercises.costOfAGradient(18, 9), "Count, per layer", " 8");
        }
    }
}
