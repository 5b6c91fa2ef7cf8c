package io.github.backprop.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

@DisplayName("Notebook 2's exercises")
class SigmoidExercisesTest {

    @Nested
    @DisplayName("1: the peak of tanh'")
    class TanhPeak {
        @Test
        @DisplayName("accepts 1, typed or computed as 1 - tanh^2(0)")
        void right() {
            assertRight(SigmoidExercises.tanhPeak(1));
            assertRight(SigmoidExercises.tanhPeak(1 - Math.pow(Math.tanh(0), 2)));
        }

        @Test
        @DisplayName("rejects the sigmoid's 0.25, tanh(0) and a rounded neighbour, with hints")
        void wrong() {
            assertWrong(SigmoidExercises.tanhPeak(0.25), "sigmoid's peak", "1.0");
            assertWrong(SigmoidExercises.tanhPeak(0), "tanh(0), the value", "1.0");
            assertWrong(SigmoidExercises.tanhPeak(0.9), "largest where tanh(z) = 0", "1.0");
            assertUnanswered(SigmoidExercises.tanhPeak(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: tanh'(1) by a central difference and by the formula")
    class TanhSlope {
        final double h = 1e-5;
        final double central = (Math.tanh(1 + h) - Math.tanh(1 - h)) / (2 * h);
        final double formula = 1 - Math.tanh(1) * Math.tanh(1);

        @Test
        @DisplayName("accepts both as computed, as printed to six digits, and a central difference with another h")
        void right() {
            assertRight(SigmoidExercises.tanhSlopeAtOne(central, formula));
            assertRight(SigmoidExercises.tanhSlopeAtOne(0.419974, 0.419974));
            assertRight(SigmoidExercises.tanhSlopeAtOne((Math.tanh(1 + 1e-4) - Math.tanh(1 - 1e-4)) / 2e-4, formula));
        }

        @Test
        @DisplayName("rejects dividing by h, a one-sided difference, the sigmoid, and a forgotten square, with hints")
        void wrong() {
            assertWrong(SigmoidExercises.tanhSlopeAtOne(2 * central, formula), "2 * h", "0.4199");
            assertWrong(SigmoidExercises.tanhSlopeAtOne((Math.tanh(1 + h) - Math.tanh(1)) / h, formula), "one-sided", "0.4199");
            assertWrong(SigmoidExercises.tanhSlopeAtOne(0.196612, formula), "sigmoid's slope", "0.4199");
            assertWrong(SigmoidExercises.tanhSlopeAtOne(central, 1 - Math.tanh(1)), "Square tanh(1)", "0.4199");
            assertWrong(SigmoidExercises.tanhSlopeAtOne(central, 0.580026), "1 minus", "0.4199");
            assertUnanswered(SigmoidExercises.tanhSlopeAtOne(central, Double.NaN));
        }
    }

    @Nested
    @DisplayName("3: the z with sigma'(z) = 0.1")
    class SlopeATenth {
        @Test
        @DisplayName("accepts z as computed or typed to three or more digits")
        void right() {
            double a = (1 + Math.sqrt(0.6)) / 2;
            assertRight(SigmoidExercises.zWhereSlopeIsATenth(Math.log(a / (1 - a))));
            assertRight(SigmoidExercises.zWhereSlopeIsATenth(2.063437));
            assertRight(SigmoidExercises.zWhereSlopeIsATenth(2.06));
            assertRight(SigmoidExercises.zWhereSlopeIsATenth(2.0634));
        }

        @Test
        @DisplayName("rejects the negative solution, a instead of z, the other root, and ln(0.1), with hints")
        void wrong() {
            assertWrong(SigmoidExercises.zWhereSlopeIsATenth(-2.063437), "positive z", "2.06");
            assertWrong(SigmoidExercises.zWhereSlopeIsATenth(0.887298), "That is a.", "2.06");
            assertWrong(SigmoidExercises.zWhereSlopeIsATenth(0.112702), "smaller root", "2.06");
            assertWrong(SigmoidExercises.zWhereSlopeIsATenth(Math.log(0.1)), "first solve", "2.06");
            assertWrong(SigmoidExercises.zWhereSlopeIsATenth(1.5), "quadratic", "2.06");
        }
    }

    @Nested
    @DisplayName("4: the factor w sigma'(z) for w = 3 at z = 0")
    class Factor {
        @Test
        @DisplayName("accepts 0.75 and says what it means for large weights")
        void right() {
            assertRight(SigmoidExercises.factorForWeightThree(0.75));
            assertRight(SigmoidExercises.factorForWeightThree(3 * 0.5 * (1 - 0.5)));
            Verdicts.has(SigmoidExercises.factorForWeightThree(0.75).message(), "|w| > 4");
        }

        @Test
        @DisplayName("rejects sigma'(0) alone, w alone and w sigma(0), with hints")
        void wrong() {
            assertWrong(SigmoidExercises.factorForWeightThree(0.25), "along the weight", "0.75");
            assertWrong(SigmoidExercises.factorForWeightThree(3), "multiply by the slope", "0.75");
            assertWrong(SigmoidExercises.factorForWeightThree(1.5), "the slope sigma'(0)", "0.75");
        }
    }
}
