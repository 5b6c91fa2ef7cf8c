package io.github.backprop.course;

import io.github.backprop.exercise.Sign;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("Notebook 3's exercises")
class OutputDeltaExercisesTest {
    // the output delta of the 2-2-1 network, as notebook 3 computes and prints it
    static final double DELTA = 0.13849856162855698;

    @Nested
    @DisplayName("1: dL/db of the output bias")
    class Bias {
        @Test
        @DisplayName("accepts delta as computed, as printed in the text (0.138499) and as read off the table")
        void right() {
            assertRight(OutputDeltaExercises.outputBiasGradient(DELTA));
            assertRight(OutputDeltaExercises.outputBiasGradient(0.138499));
            assertRight(OutputDeltaExercises.outputBiasGradient(0.1384985616));
            assertRight(OutputDeltaExercises.outputBiasGradient(0.7413650695523157 * 0.18681560180895948));
        }

        @Test
        @DisplayName("rejects a weight's gradient, dL/da alone and sigma' alone, with hints")
        void wrong() {
            assertWrong(OutputDeltaExercises.outputBiasGradient(0.082167), "constant input 1", "0.1384");
            assertWrong(OutputDeltaExercises.outputBiasGradient(0.082668), "constant input 1", "0.1384");
            assertWrong(OutputDeltaExercises.outputBiasGradient(0.741365), "sigma'(z)", "0.1384");
            assertWrong(OutputDeltaExercises.outputBiasGradient(0.186816), "dL/da = a - y", "0.1384");
            assertWrong(OutputDeltaExercises.outputBiasGradient(0.5), "which input does b multiply", "0.1384");
            assertUnanswered(OutputDeltaExercises.outputBiasGradient(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: the signs for the target 0.99")
    class Signs {
        @Test
        @DisplayName("accepts a negative delta and a weight that grows")
        void right() {
            assertRight(OutputDeltaExercises.signsForHighTarget(Sign.NEGATIVE, Sign.POSITIVE));
        }

        @Test
        @DisplayName("rejects the signs of the old target, and a zero, with hints that do not give the sign away")
        void wrong() {
            assertWrong(OutputDeltaExercises.signsForHighTarget(Sign.POSITIVE, Sign.NEGATIVE), "compare the output a", "NEGATIVE");
            assertWrong(OutputDeltaExercises.signsForHighTarget(Sign.NEGATIVE, Sign.NEGATIVE), "-eta * dL/dw", "POSITIVE");
            assertWrong(OutputDeltaExercises.signsForHighTarget(Sign.ZERO, Sign.POSITIVE), "only when a = y", "NEGATIVE");
            assertUnanswered(OutputDeltaExercises.signsForHighTarget(Sign.NEGATIVE, null));
        }
    }

    @Nested
    @DisplayName("3: dL/db by a central difference")
    class FiniteDifference {
        /** The loss of the 2-2-1 network with its output bias moved by {@code by}. */
        double lossWithBiasMoved(double by) {
            Network net = TutorialNetworks.mazur();
            Parameter b = net.denseLayer(2).biases();
            b.set(0, 0, b.value(0, 0) + by);
            return Losses.mse().value(net.predict(TutorialNetworks.X[0]), TutorialNetworks.Y[0], 1, 1);
        }

        /** The learner's central difference. */
        double measured(double h) {
            return (lossWithBiasMoved(h) - lossWithBiasMoved(-h)) / (2 * h);
        }

        @Test
        @DisplayName("accepts a central difference with h = 1e-6 or 1e-4, and the digits it prints")
        void right() {
            assertRight(OutputDeltaExercises.outputBiasByFiniteDifference(measured(1e-6)));
            assertRight(OutputDeltaExercises.outputBiasByFiniteDifference(measured(1e-4)));
            assertRight(OutputDeltaExercises.outputBiasByFiniteDifference(0.1384985616));
        }

        @Test
        @DisplayName("rejects a difference divided by h, the weight's difference, and a one-sided difference")
        void wrong() {
            assertWrong(OutputDeltaExercises.outputBiasByFiniteDifference(2 * measured(1e-6)), "2 * h", "0.1384");
            assertWrong(OutputDeltaExercises.outputBiasByFiniteDifference(0.0821670406), "biases()", "0.1384");
            double oneSided = (lossWithBiasMoved(1e-4) - lossWithBiasMoved(0)) / 1e-4;
            assertFalse(OutputDeltaExercises.outputBiasByFiniteDifference(oneSided).passed());
        }
    }
}
