package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

@DisplayName("Notebook 1's exercises")
class ForwardPassExercisesTest {

    @Nested
    @DisplayName("1: hidden neuron 0 for x = (1, 1)")
    class HiddenNeuron {
        @Test
        @DisplayName("accepts z and a as computed or as read to six decimals")
        void right() {
            assertRight(ForwardPassExercises.hiddenNeuronForOnes(0.7, 0.668188));
            assertRight(ForwardPassExercises.hiddenNeuronForOnes(0.15 + 0.20 + 0.35, 1 / (1 + Math.exp(-0.7))));
            assertRight(ForwardPassExercises.hiddenNeuronForOnes(0.70, 0.67));
        }

        @Test
        @DisplayName("rejects a forgotten bias, the other neuron, and a = z, with hints")
        void wrong() {
            assertWrong(ForwardPassExercises.hiddenNeuronForOnes(0.35, 0.586618), "bias", "0.7");
            assertWrong(ForwardPassExercises.hiddenNeuronForOnes(0.9, 0.71), "row 0", "0.7");
            assertWrong(ForwardPassExercises.hiddenNeuronForOnes(0.7, 0.7), "sigma(z)", "0.668");
        }

        @Test
        @DisplayName("waits for both numbers")
        void unanswered() {
            assertUnanswered(ForwardPassExercises.hiddenNeuronForOnes(Double.NaN, Double.NaN));
            assertUnanswered(ForwardPassExercises.hiddenNeuronForOnes(0.7, Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: the MSE loss")
    class Loss {
        @Test
        @DisplayName("accepts the perfect output and the loss of 0.5")
        void right() {
            assertRight(ForwardPassExercises.perfectOutput(0.01));
            assertRight(ForwardPassExercises.lossOfHalf(0.12005));
            assertRight(ForwardPassExercises.lossOfHalf(0.5 * (0.5 - 0.01) * (0.5 - 0.01)));
        }

        @Test
        @DisplayName("rejects a missing 1/2 or a missing square, with hints")
        void wrong() {
            assertWrong(ForwardPassExercises.perfectOutput(0.0), "a - y = 0", "0.01");
            assertWrong(ForwardPassExercises.lossOfHalf(0.2401), "factor 1/2", "0.12");
            assertWrong(ForwardPassExercises.lossOfHalf(0.49), "Square", "0.12");
            assertUnanswered(ForwardPassExercises.lossOfHalf(Double.NaN));
        }
    }

    @Nested
    @DisplayName("3: the z that gives sigma(z) = 0.01")
    class SigmoidInverse {
        @Test
        @DisplayName("accepts ln(0.01/0.99) and says why 0 is out of reach")
        void right() {
            Verdict v = ForwardPassExercises.zForOutput(-4.59512);
            assertRight(v);
            Verdicts.has(v.message(), "infinite");
            assertRight(ForwardPassExercises.zForOutput(Math.log(0.01 / 0.99)));
        }

        @Test
        @DisplayName("rejects ln(0.01) and a positive z")
        void wrong() {
            assertWrong(ForwardPassExercises.zForOutput(-4.60517), "1 + e^(-z)", "4.59");
            assertWrong(ForwardPassExercises.zForOutput(4.59512), "sign", "4.59");
        }
    }
}
