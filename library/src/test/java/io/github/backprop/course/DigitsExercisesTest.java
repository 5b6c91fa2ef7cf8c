package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.TagScores;
import io.github.backprop.loss.Losses;
import io.github.backprop.train.History;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Notebook 10's exercises")
class DigitsExercisesTest {

    @Nested
    @DisplayName("1: 16 hidden neurons")
    class SixteenHidden {
        @Test
        @DisplayName("the 40-epoch recipe is the first 40 epochs of the notebook's early-stopping run, which the exercise compares with")
        void recipe() {
            History forty = DigitsExercises.train(32, Activations.softmax(), Losses.crossEntropy(), 40);
            var split = DigitsExercises.split();
            History early = io.github.backprop.train.Trainer.builder().loss(Losses.crossEntropy())
                    .optimizer(io.github.backprop.optim.Optimizers.sgd(0.5)).epochs(100).batchSize(32).shuffle(2)
                    .validation(split.validation()).earlyStopping(5).build()
                    .fit(io.github.backprop.nn.Network.builder(64).dense(32, Activations.sigmoid())
                            .dense(10, Activations.softmax()).seed(2).build(), split.train());
            // EpochStats.equals compares the epoch, losses and accuracies (not the time)
            assertEquals(forty.last(), early.epochs().get(39));
        }

        @Test
        @DisplayName("accepts the 16-neuron validation accuracy, computed or rounded, and 'not lower'")
        void right() {
            double accuracy = DigitsExercises.train(16, Activations.softmax(), Losses.crossEntropy(), 40).last().validationAccuracy();
            assertRight(DigitsExercises.sixteenHidden(accuracy, false));
            assertRight(DigitsExercises.sixteenHidden(0.9526, false));
            assertRight(DigitsExercises.sixteenHidden(0.953, false));
        }

        @Test
        @DisplayName("rejects the training accuracy, another number and a wrong comparison, with hints")
        void wrong() {
            double training = DigitsExercises.train(16, Activations.softmax(), Losses.crossEntropy(), 40).last().trainingAccuracy();
            assertWrong(DigitsExercises.sixteenHidden(training, false), "training accuracy", "0.952");
            assertWrong(DigitsExercises.sixteenHidden(0.91, false), "dense(16", "0.952");
            assertWrong(DigitsExercises.sixteenHidden(0.9526, true), "epoch 40", "false");
            assertUnanswered(DigitsExercises.sixteenHidden(Double.NaN, null));
            assertUnanswered(DigitsExercises.sixteenHidden(0.9526, null));
        }
    }

    @Nested
    @DisplayName("2: sigmoid outputs with MSE for 10 epochs")
    class MseForTen {
        @Test
        @DisplayName("accepts its validation accuracy and 'cross-entropy is ahead'")
        void right() {
            double accuracy = DigitsExercises.train(32, Activations.sigmoid(), Losses.mse(), 10).last().validationAccuracy();
            assertRight(DigitsExercises.mseForTenEpochs(accuracy, true));
            assertRight(DigitsExercises.mseForTenEpochs(0.457, true));
        }

        @Test
        @DisplayName("rejects the training accuracy, the cross-entropy network's accuracy and 'not ahead'")
        void wrong() {
            double training = DigitsExercises.train(32, Activations.sigmoid(), Losses.mse(), 10).last().trainingAccuracy();
            assertWrong(DigitsExercises.mseForTenEpochs(training, true), "training accuracy", "0.45");
            assertWrong(DigitsExercises.mseForTenEpochs(0.928, true), "Losses.mse()", "0.45");
            assertWrong(DigitsExercises.mseForTenEpochs(0.457, false), "epoch 10", "true");
            assertUnanswered(DigitsExercises.mseForTenEpochs(Double.NaN, null));
        }
    }

    /** true 0 0 0 1 1 2 2 2, predicted 0 1 1 1 0 2 0 0: the mistakes (0 -> 1) and (2 -> 0) tie with 2 each. */
    static final ConfusionMatrix TIED = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2, 2, 2}, new int[] {0, 1, 1, 1, 0, 2, 0, 0}, 3, List.of());

    @Nested
    @DisplayName("3: the most common mistake")
    class MostConfused {
        @Test
        @DisplayName("accepts every pair that ties for the largest count off the diagonal")
        void right() {
            assertRight(DigitsExercises.mostConfusedPair(TIED, 0, 1));
            assertRight(DigitsExercises.mostConfusedPair(TIED, 2, 0));
        }

        @Test
        @DisplayName("rejects a diagonal cell, a swapped pair and a rarer mistake, with hints that do not name the pair")
        void wrong() {
            assertWrong(DigitsExercises.mostConfusedPair(TIED, 1, 1), "diagonal", "(0, 1)");
            assertWrong(DigitsExercises.mostConfusedPair(TIED, 1, 0), "rows are the true digits", "(0, 1)");
            assertWrong(DigitsExercises.mostConfusedPair(TIED, 2, 1), "largest count", "(0, 1)");
            assertWrong(DigitsExercises.mostConfusedPair(TIED, 5, 1), "0 to 2", "(0, 1)");
            assertUnanswered(DigitsExercises.mostConfusedPair(TIED, null, 1));
        }
    }

    @Nested
    @DisplayName("4: the lowest recall")
    class LowestRecall {
        @Test
        @DisplayName("accepts the digit with the lowest recall (2: one of three found)")
        void right() {
            assertRight(DigitsExercises.lowestRecall(TIED, 2));
        }

        @Test
        @DisplayName("rejects the lowest precision with its own hint, and other digits")
        void wrong() {
            ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 0}, 3, List.of());
            // recall: 0 -> 1/2, 1 -> 2/3, 2 -> 0; precision: 0 -> 1/3, 1 -> 2/3, 2 -> 0 (never predicted)
            assertRight(DigitsExercises.lowestRecall(m, 2));
            assertWrong(DigitsExercises.lowestRecall(TIED, 1), "another digit", "2");
            ConfusionMatrix precise = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 0, 2, 0}, 3, List.of());
            // recall: 0 -> 1, 1 -> 1/2, 2 -> 1/2; precision: 0 -> 1/2, 1 -> 1, 2 -> 1
            assertWrong(DigitsExercises.lowestRecall(precise, 0), "lowest precision", "recall of");
            assertUnanswered(DigitsExercises.lowestRecall(TIED, null));
        }
    }

    @Nested
    @DisplayName("5: the hardest tag")
    class HardestTag {
        // dog: 3 of 4 right; beach: 2 of 4 right (recall 1/3); sun: 4 of 4
        final TagScores scores = TagScores.of(
                new double[][] {{0.9, 0.2, 0.1}, {0.6, 0.7, 0.1}, {0.1, 0.4, 0.9}, {0.3, 0.2, 0.1}},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 1}, {0, 1, 0}}, List.of("dog", "beach", "sun"));

        @Test
        @DisplayName("accepts the tag with the lowest accuracy, in any case and with spaces around it")
        void right() {
            assertRight(DigitsExercises.hardestTag(scores, "beach"));
            assertRight(DigitsExercises.hardestTag(scores, " Beach "));
        }

        @Test
        @DisplayName("rejects other tags and unknown names, naming the tags but not the answer")
        void wrong() {
            assertWrong(DigitsExercises.hardestTag(scores, "dog"), "accuracy column", "\"beach\"");
            assertWrong(DigitsExercises.hardestTag(scores, "cat"), "the tags are", "lowest");
            assertUnanswered(DigitsExercises.hardestTag(scores, null));
        }

        @Test
        @DisplayName("explains the difference when the answer is the tag with the lowest recall")
        void recallIsNotAccuracy() {
            // a: accuracy 3/4 (recall 0 of 1); b: accuracy 2/4 (recall 1 of 1)
            TagScores s = TagScores.of(new double[][] {{0.1, 0.9}, {0.1, 0.9}, {0.1, 0.1}, {0.1, 0.9}},
                    new double[][] {{1, 1}, {0, 0}, {0, 0}, {0, 0}}, List.of("a", "b"));
            assertWrong(DigitsExercises.hardestTag(s, "a"), "lowest recall", "\"b\"");
            assertRight(DigitsExercises.hardestTag(s, "b"));
        }
    }
}
