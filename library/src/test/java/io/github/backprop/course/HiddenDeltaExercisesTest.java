package io.github.backprop.course;

import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.loss.Losses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Notebook 4's exercises")
class HiddenDeltaExercisesTest {

    @Nested
    @DisplayName("1: delta[1]_0 with w[2]_00 = 0")
    class ZeroWeight {
        @Test
        @DisplayName("accepts 0, typed or computed")
        void right() {
            assertRight(HiddenDeltaExercises.hiddenDeltaWithoutItsWeight(0));
            assertRight(HiddenDeltaExercises.hiddenDeltaWithoutItsWeight(0.241 * 0.0 * 0.1385));
        }

        @Test
        @DisplayName("rejects the old delta and small numbers near 0, with hints")
        void wrong() {
            assertWrong(HiddenDeltaExercises.hiddenDeltaWithoutItsWeight(0.013368), "with the weight 0.40", "delta[1]_0 is 0");
            assertWrong(HiddenDeltaExercises.hiddenDeltaWithoutItsWeight(0.001), "how many terms", "delta[1]_0 is 0");
            assertUnanswered(HiddenDeltaExercises.hiddenDeltaWithoutItsWeight(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: the layer of the 2-2-2-1 network with the smallest deltas")
    class Smallest {
        @Test
        @DisplayName("is layer 1, and clearly so: its largest |delta| is below every |delta| of the layers after it")
        void unambiguous() {
            Trace trace = Backpropagation.trace(TutorialNetworks.deeper(), Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y);
            double layer1 = HiddenDeltaExercises.largestSize(trace.layer(1).delta());
            for (int l = 2; l <= 3; l++) {
                for (double d : trace.layer(l).delta().toRowMajorArray()) {
                    assertTrue(Math.abs(d) > 2 * layer1, "layer " + l + " has a delta " + d + " near layer 1's " + layer1);
                }
            }
        }

        @Test
        @DisplayName("accepts 1")
        void right() {
            assertRight(HiddenDeltaExercises.layerWithSmallestDeltas(1));
        }

        @Test
        @DisplayName("rejects the output layer, a middle layer and the input, with hints")
        void wrong() {
            assertWrong(HiddenDeltaExercises.layerWithSmallestDeltas(3), "output layer", "layer 1");
            assertWrong(HiddenDeltaExercises.layerWithSmallestDeltas(2), "Tables.neurons", "layer 1");
            assertWrong(HiddenDeltaExercises.layerWithSmallestDeltas(0), "input", "layer 1");
            assertUnanswered(HiddenDeltaExercises.layerWithSmallestDeltas(null));
        }
    }

    @Nested
    @DisplayName("3: delta[1]_1 of the 3-4-2 network by hand")
    class Wide {
        final Trace trace = Backpropagation.trace(TutorialNetworks.wide(), Losses.mse(), TutorialNetworks.WIDE_X, TutorialNetworks.WIDE_Y);
        final LayerTrace hidden = trace.layer(1);
        final LayerTrace out = trace.layer(2);

        double sum() {
            return out.weights().get(0, 1) * out.delta().get(0, 0) + out.weights().get(1, 1) * out.delta().get(0, 1);
        }

        @Test
        @DisplayName("accepts the delta computed as the notebook's cell does for neuron 0, and as read off the table")
        void right() {
            assertRight(HiddenDeltaExercises.wideHiddenDelta(hidden.fPrime().get(0, 1) * sum()));
            assertRight(HiddenDeltaExercises.wideHiddenDelta(-0.01302139434314773));
            assertRight(HiddenDeltaExercises.wideHiddenDelta(-0.013021));
        }

        @Test
        @DisplayName("rejects a missing slope, one output only, row instead of column, the other slope, and the wrong sign")
        void wrong() {
            double slope = hidden.fPrime().get(0, 1);
            assertWrong(HiddenDeltaExercises.wideHiddenDelta(sum()), "slope", "0.0130");
            assertWrong(HiddenDeltaExercises.wideHiddenDelta(slope * out.weights().get(0, 1) * out.delta().get(0, 0)), "two terms", "0.0130");
            assertWrong(HiddenDeltaExercises.wideHiddenDelta(slope * (out.weights().get(1, 0) * out.delta().get(0, 0)
                    + out.weights().get(1, 1) * out.delta().get(0, 1))), "column 1", "0.0130");
            assertWrong(HiddenDeltaExercises.wideHiddenDelta(hidden.fPrime().get(0, 0) * sum()), "neuron 0's slope", "0.0130");
            assertWrong(HiddenDeltaExercises.wideHiddenDelta(0.01302139434314773), "sign", "0.0130");
        }
    }
}
