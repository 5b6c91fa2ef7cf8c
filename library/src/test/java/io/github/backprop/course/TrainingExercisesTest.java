package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Notebook 8's exercises")
class TrainingExercisesTest {

    @Nested
    @DisplayName("1: XOR with 2 hidden neurons")
    class TwoHidden {
        @Test
        @DisplayName("the notebook's recipe gives 1362 epochs with 4 hidden neurons (the notebook states it) and 1628 with 2")
        void recipe() {
            assertEquals(1362, TrainingExercises.trainXor(4).epochs().size());
            assertEquals(1628, TrainingExercises.trainXor(2).epochs().size());
        }

        @Test
        @DisplayName("accepts: it reaches the target, after 1628 epochs")
        void right() {
            assertRight(TrainingExercises.twoHiddenNeurons(true, 1628));
        }

        @Test
        @DisplayName("rejects 'no', a wrong count, and the 4-neuron count with its own hint")
        void wrong() {
            assertWrong(TrainingExercises.twoHiddenNeurons(false, null), "Train it", "1628");
            assertWrong(TrainingExercises.twoHiddenNeurons(true, 1362), "4 hidden neurons", "1628");
            assertWrong(TrainingExercises.twoHiddenNeurons(true, 1600), "Read the epoch count", "1628");
        }

        @Test
        @DisplayName("waits for both answers")
        void unanswered() {
            assertUnanswered(TrainingExercises.twoHiddenNeurons(null, null));
            assertUnanswered(TrainingExercises.twoHiddenNeurons(true, null));
        }
    }

    @Nested
    @DisplayName("2: the largest stable learning rate")
    class LearningRate {
        @Test
        @DisplayName("lambda_max is the mean of x^2: computed, or read as 1.39 or 1.388")
        void curvatureRight() {
            assertEquals(1.3877551, TrainingExercises.curvature(), 1e-7);
            assertRight(TrainingExercises.curvature(TrainingExercises.curvature()));
            assertRight(TrainingExercises.curvature(1.39));
            assertRight(TrainingExercises.curvature(1.388));
            assertRight(TrainingExercises.curvature(1.3878));
        }

        @Test
        @DisplayName("lambda_max rejects the mean of x, the sum of squares and the mean of |x|, with hints")
        void curvatureWrong() {
            assertWrong(TrainingExercises.curvature(0), "square each x_n", "1.38");
            assertWrong(TrainingExercises.curvature(69.387755), "divide by 50", "1.38");
            assertWrong(TrainingExercises.curvature(1.0204), "mean of |x_n|", "1.38");
            assertWrong(TrainingExercises.curvature(1.5), "Square each", "1.38");
            assertWrong(TrainingExercises.curvature(1.4), "3 significant digits", "1.38");
            assertUnanswered(TrainingExercises.curvature(Double.NaN));
        }

        @Test
        @DisplayName("eta_max = 2 / lambda_max accepts 1.44, 1.441, the exact value, and 2 / 1.39 (from the rounded lambda)")
        void rateRight() {
            assertRight(TrainingExercises.largestStableRate(1.44));
            assertRight(TrainingExercises.largestStableRate(1.441));
            assertRight(TrainingExercises.largestStableRate(2 / TrainingExercises.curvature()));
            assertRight(TrainingExercises.largestStableRate(2 / 1.39));
            assertRight(TrainingExercises.largestStableRate(1.439));
            assertRight(TrainingExercises.largestStableRate(1.4388));
        }

        @Test
        @DisplayName("eta_max rejects 1 / lambda, lambda / 2 and 2 lambda, with hints")
        void rateWrong() {
            double lambda = TrainingExercises.curvature();
            assertWrong(TrainingExercises.largestStableRate(1 / lambda), "1 / lambda_max", "1.44");
            assertWrong(TrainingExercises.largestStableRate(lambda / 2), "lambda_max / 2", "1.44");
            assertWrong(TrainingExercises.largestStableRate(2 * lambda), "2 lambda_max", "1.44");
            assertWrong(TrainingExercises.largestStableRate(1.5), "3 significant digits", "1.44");
            assertWrong(TrainingExercises.largestStableRate(1.50), "3 significant digits", "1.44");
            assertWrong(TrainingExercises.largestStableRate(1.45), "round the result", "1.44");
            assertWrong(TrainingExercises.largestStableRate(1.43), "2 / lambda_max", "1.44");
        }

        @Test
        @DisplayName("below eta_max the loss gets below 1e-6 in 500 epochs (1.4), above it it does not (1.5)")
        void predictions() {
            assertTrue(TrainingExercises.convergesWithin500(1.4));
            assertFalse(TrainingExercises.convergesWithin500(1.5));
            assertRight(TrainingExercises.convergesWithin500(true, false));
            Verdict both = TrainingExercises.convergesWithin500(false, false);
            assertWrong(both, "try-rate", "true");
            assertWrong(TrainingExercises.convergesWithin500(true, true), "part (b)", "false");
            assertUnanswered(TrainingExercises.convergesWithin500(null, false));
        }
    }

    @Nested
    @DisplayName("3: Adam on the moons")
    class AdamOnMoons {
        @Test
        @DisplayName("the recipe stops SGD after epoch 184 with epoch 164 kept (the notebook states it), Adam after 272 with 252")
        void recipe() {
            var sgd = TrainingExercises.trainMoons(io.github.backprop.optim.Optimizers.sgd(0.5));
            assertEquals(184, sgd.epochs().size());
            assertEquals(164, sgd.bestValidationEpoch());
        }

        @Test
        @DisplayName("accepts Adam's last and best epochs")
        void right() {
            assertRight(TrainingExercises.adamOnMoons(272, 252));
        }

        @Test
        @DisplayName("rejects the SGD run's epochs and other counts, with hints")
        void wrong() {
            assertWrong(TrainingExercises.adamOnMoons(184, 164), "SGD run stopped", "272");
            assertWrong(TrainingExercises.adamOnMoons(272, 164), "SGD run's best epoch", "252");
            assertWrong(TrainingExercises.adamOnMoons(300, 252), "Optimizers.adam(0.01)", "272");
            assertUnanswered(TrainingExercises.adamOnMoons(null, null));
            assertUnanswered(TrainingExercises.adamOnMoons(272, null));
        }
    }
}
