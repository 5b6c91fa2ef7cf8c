package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Shape;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

/**
 * Notebook 13's exercises. The counts and accuracies below are what the notebook's code shows (its
 * solutions notebook prints them).
 */
@DisplayName("Notebook 13's exercises")
class BeyondDenseExercisesTest {
    /** The 4-kernel conv net's validation accuracy: 282 of 287 digits. */
    static final double FOUR_KERNELS_VALIDATION = 282.0 / 287;

    @Nested
    @DisplayName("1: the edge network's deltas")
    class EdgeDeltas {
        @Test
        @DisplayName("accepts 16 non-zero deltas and 18 positive z with bias 0")
        void right() {
            assertRight(BeyondDenseExercises.edgeDeltas(16, 18));
        }

        @Test
        @DisplayName("rejects the count of zero deltas, and the bias -0.4 count for bias 0, with hints")
        void wrong() {
            assertWrong(BeyondDenseExercises.edgeDeltas(20, 18), "delta is 0", "16");
            assertWrong(BeyondDenseExercises.edgeDeltas(16, 16), "bias -0.4", "18");
            assertWrong(BeyondDenseExercises.edgeDeltas(16, 36), "new double[] {0, 0}", "18");
            assertUnanswered(BeyondDenseExercises.edgeDeltas(16, null));
        }
    }

    @Nested
    @DisplayName("2: the conv net with 4 kernels")
    class FourKernels {
        @Test
        @DisplayName("accepts 690 parameters and the validation accuracy, computed or read")
        void right() {
            assertRight(BeyondDenseExercises.fourKernels(690, FOUR_KERNELS_VALIDATION));
            assertRight(BeyondDenseExercises.fourKernels(690, 0.983));
            assertRight(BeyondDenseExercises.fourKernels(690, 0.9825));
        }

        @Test
        @DisplayName("rejects an output layer of 128 inputs, forgotten biases, the 8-kernel count, and the test accuracy")
        void wrong() {
            assertWrong(BeyondDenseExercises.fourKernels(1330, 0.983), "4 x 4 x 4", "690");
            assertWrong(BeyondDenseExercises.fourKernels(676, 0.983), "biases", "690");
            assertWrong(BeyondDenseExercises.fourKernels(1370, 0.983), "conv2d(4", "690");
            assertWrong(BeyondDenseExercises.fourKernels(690, 0.9333333333333333), "test part", "0.98");
            assertUnanswered(BeyondDenseExercises.fourKernels(690, Double.NaN));
        }
    }

    @Nested
    @DisplayName("3: forty steps")
    class LongSequences {
        /**
         * The training accuracy a learner's cell computes: 40-step chaotic training flips with the
         * last bits of the arithmetic (these tests run with the Vector API kernels, the notebooks
         * without), so the value is computed here as the notebook's code computes it, not typed in.
         */
        static double[] accuracies;

        /** The first-value and last-value tasks' accuracies, trained once for both tests. */
        static synchronized double[] accuracies() {
            if (accuracies == null) {
                accuracies = new double[] {trained(1), trained(40)};
            }
            return accuracies;
        }

        static double trained(int step) {
            Dataset data = BeyondDenseExercises.signAt(40, step);
            Network rnn = Network.builder(Shape.sequence(40, 1)).recurrent(8).dense(1, Activations.sigmoid()).seed(14).build();
            Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.adam(0.02)).epochs(100)
                    .batchSize(50).shuffle(15).build().fit(rnn, data);
            return Evaluation.accuracy(rnn, data);
        }

        @Test
        @DisplayName("accepts that the last value is easier, and the two training accuracies, computed or read to three decimals")
        void right() {
            double first = accuracies()[0];
            double last = accuracies()[1];
            assertRight(BeyondDenseExercises.longSequencesPrediction(true));
            assertRight(BeyondDenseExercises.longSequences(first, last));
            assertRight(BeyondDenseExercises.longSequences(Math.round(first * 1000) / 1000.0, Math.round(last * 1000) / 1000.0));
        }

        @Test
        @DisplayName("rejects the opposite prediction and the accuracies swapped, with hints")
        void wrong() {
            double first = accuracies()[0];
            double last = accuracies()[1];
            assertWrong(BeyondDenseExercises.longSequencesPrediction(false), "how many steps", "true");
            assertWrong(BeyondDenseExercises.longSequences(last, first), "step 1", String.valueOf(first));
            assertWrong(BeyondDenseExercises.longSequences(0.5, last), "signAt.apply(40, 1)", String.valueOf(first));
            assertUnanswered(BeyondDenseExercises.longSequencesPrediction(null));
        }
    }
}
