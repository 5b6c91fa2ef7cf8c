package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.io.ModelJson;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

/**
 * Notebook 12's exercises. The counts and the loss below are what the notebook's {@code recipe}
 * prints (its solutions notebook shows them).
 */
@DisplayName("Notebook 12's exercises")
class OwnDataExercisesTest {
    /** The recipe's validation loss with min-max scaling. */
    static final double MIN_MAX_LOSS = 0.07851832233138836;

    @Nested
    @DisplayName("1: which columns matter")
    class Columns {
        @Test
        @DisplayName("accepts 28 right with the petals and 22 with the sepals")
        void right() {
            assertRight(OwnDataExercises.whichColumns(28, 22));
        }

        @Test
        @DisplayName("rejects the four-column count and the two counts swapped, naming the columns to use")
        void wrong() {
            assertWrong(OwnDataExercises.whichColumns(29, 22), "all four columns", "28");
            assertWrong(OwnDataExercises.whichColumns(22, 28), "petal_length", "28");
            assertWrong(OwnDataExercises.whichColumns(28, 29), "all four columns", "22");
            assertUnanswered(OwnDataExercises.whichColumns(28, null));
        }
    }

    @Nested
    @DisplayName("2: min-max scaling")
    class MinMax {
        @Test
        @DisplayName("accepts the count and the loss as computed or read")
        void right() {
            assertRight(OwnDataExercises.minMaxScaling(29, MIN_MAX_LOSS));
            assertRight(OwnDataExercises.minMaxScaling(29, 0.0785));
            assertRight(OwnDataExercises.minMaxScaling(29, 0.07851));
        }

        @Test
        @DisplayName("rejects the standardised loss and a wrong count, with hints")
        void wrong() {
            assertWrong(OwnDataExercises.minMaxScaling(29, 0.08805292194560295), "Scaler.minMax()", "0.078");
            assertWrong(OwnDataExercises.minMaxScaling(28, MIN_MAX_LOSS), "correct=", "29");
            assertUnanswered(OwnDataExercises.minMaxScaling(29, Double.NaN));
        }
    }

    @Nested
    @DisplayName("3: save and load")
    class SaveAndLoad {
        final Network best = Network.builder(4).dense(2, Activations.tanh()).dense(3, Activations.softmax()).seed(9).build();
        final Dataset validation = OwnDataExercises.columns("sepal_length", "sepal_width", "petal_length", "petal_width");

        @Test
        @DisplayName("accepts 0 differences for a network loaded back from its JSON")
        void right() {
            Network loaded = ModelJson.fromJson(ModelJson.toJson(best));
            assertRight(OwnDataExercises.savedAndLoaded(best, loaded, validation, 0));
        }

        @Test
        @DisplayName("rejects a count that is not what the two networks show, and the original passed as loaded")
        void wrong() {
            Network loaded = ModelJson.fromJson(ModelJson.toJson(best));
            assertWrong(OwnDataExercises.savedAndLoaded(best, loaded, validation, 3), "predictClasses", "0 ");
            assertWrong(OwnDataExercises.savedAndLoaded(best, best, validation, 0), "same object", "0 ");
            assertUnanswered(OwnDataExercises.savedAndLoaded(best, null, validation, null));
            assertUnanswered(OwnDataExercises.savedAndLoaded(best, loaded, validation, null));
        }

        @Test
        @DisplayName("counts the differences of another network honestly")
        void anotherNetwork() {
            Network other = Network.builder(4).dense(2, Activations.tanh()).dense(3, Activations.softmax()).seed(10).build();
            int[] a = io.github.backprop.eval.Evaluation.predictClasses(best, validation.features());
            int[] b = io.github.backprop.eval.Evaluation.predictClasses(other, validation.features());
            int different = 0;
            for (int n = 0; n < a.length; n++) {
                different += a[n] != b[n] ? 1 : 0;
            }
            assertRight(OwnDataExercises.savedAndLoaded(best, other, validation, different));
        }
    }
}
