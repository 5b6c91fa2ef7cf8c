package io.github.backprop.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

/**
 * Notebook 11's exercises. The measured values below are what the notebook's code prints (its
 * solutions notebook shows them): a learner may type them rounded or cut off, or pass the value
 * computed in the cell.
 */
@DisplayName("Notebook 11's exercises")
class VanishingGradientExercisesTest {
    /** The first epoch's ratio of the sigmoid network with two hidden layers. */
    static final double SHALLOW_RATIO = 10.990909585602962;
    /** The first epoch's ratio of the tanh network. */
    static final double TANH_RATIO = 0.44876920345177035;

    @Nested
    @DisplayName("1: a shallower sigmoid network")
    class Shallower {
        @Test
        @DisplayName("accepts the prediction of a smaller ratio and the measured ratio, as computed or read")
        void right() {
            assertRight(VanishingGradientExercises.shallowerPrediction(true));
            assertRight(VanishingGradientExercises.shallowerRatio(SHALLOW_RATIO));
            assertRight(VanishingGradientExercises.shallowerRatio(10.99));
            assertRight(VanishingGradientExercises.shallowerRatio(11.0));
        }

        @Test
        @DisplayName("rejects a larger ratio, the ratio turned around, the five-layer ratio and the last epoch's, with hints")
        void wrong() {
            assertWrong(VanishingGradientExercises.shallowerPrediction(false), "Count the steps back", "true");
            assertWrong(VanishingGradientExercises.shallowerRatio(1 / SHALLOW_RATIO), "turn the ratio around", "10.9");
            assertWrong(VanishingGradientExercises.shallowerRatio(851), "five-layer", "10.9");
            assertWrong(VanishingGradientExercises.shallowerRatio(25), "first epoch's gradientNorms()", "10.9");
        }

        @Test
        @DisplayName("waits for an answer")
        void unanswered() {
            assertUnanswered(VanishingGradientExercises.shallowerPrediction(null));
            assertUnanswered(VanishingGradientExercises.shallowerRatio(Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: the activation or the initialisation?")
    class Swapped {
        @Test
        @DisplayName("accepts: ReLU with Xavier learns, sigmoid with He does not")
        void right() {
            assertRight(VanishingGradientExercises.swappedInitialisations(true, false));
        }

        @Test
        @DisplayName("rejects either answer turned around, pointing at the network to train")
        void wrong() {
            assertWrong(VanishingGradientExercises.swappedInitialisations(false, false), "Initializers.xavier()", "true");
            assertWrong(VanishingGradientExercises.swappedInitialisations(true, true), "Initializers.he()", "false");
            assertUnanswered(VanishingGradientExercises.swappedInitialisations(true, null));
        }
    }

    @Nested
    @DisplayName("3: tanh with Xavier")
    class Tanh {
        @Test
        @DisplayName("accepts the measured ratio and that it learns")
        void right() {
            assertRight(VanishingGradientExercises.tanhNetwork(TANH_RATIO, true));
            assertRight(VanishingGradientExercises.tanhNetwork(0.449, true));
            assertRight(VanishingGradientExercises.tanhNetwork(0.4487, true));
        }

        @Test
        @DisplayName("rejects the ratio turned around and 'does not learn'")
        void wrong() {
            assertWrong(VanishingGradientExercises.tanhNetwork(1 / TANH_RATIO, true), "turn the ratio around", "0.44");
            assertWrong(VanishingGradientExercises.tanhNetwork(0.6, true), "gradientNorms()", "0.44");
            assertWrong(VanishingGradientExercises.tanhNetwork(TANH_RATIO, false), "trainingAccuracy()", "true");
            assertUnanswered(VanishingGradientExercises.tanhNetwork(Double.NaN, null));
        }
    }

    @Nested
    @DisplayName("4: the factor per ReLU layer")
    class Factors {
        @Test
        @DisplayName("accepts sqrt(16/3) and sqrt(6/32), computed or rounded")
        void right() {
            assertRight(VanishingGradientExercises.initialisationFactors(Math.sqrt(16.0 / 3), Math.sqrt(6.0 / 32)));
            assertRight(VanishingGradientExercises.initialisationFactors(2.309, 0.433));
            assertRight(VanishingGradientExercises.initialisationFactors(2.31, 0.43));
        }

        @Test
        @DisplayName("rejects a forgotten 1/2, Var(w) = c^2, and He's standard deviation for c, with hints")
        void wrong() {
            assertWrong(VanishingGradientExercises.initialisationFactors(Math.sqrt(32.0 / 3), 0.433), "1/2", "2.30");
            assertWrong(VanishingGradientExercises.initialisationFactors(4, 0.433), "1/3", "2.30");
            assertWrong(VanishingGradientExercises.initialisationFactors(2.309, 0.25), "He's standard deviation", "0.43");
            assertWrong(VanishingGradientExercises.initialisationFactors(2.309, 0.1875), "square root", "0.43");
            assertUnanswered(VanishingGradientExercises.initialisationFactors(2.309, Double.NaN));
        }
    }

    @Nested
    @DisplayName("5: chance level for three classes")
    class Chance {
        @Test
        @DisplayName("accepts ln 3")
        void right() {
            assertRight(VanishingGradientExercises.chanceLevel(Math.log(3)));
            assertRight(VanishingGradientExercises.chanceLevel(1.0986));
            assertRight(VanishingGradientExercises.chanceLevel(1.1));
        }

        @Test
        @DisplayName("rejects ln 10, log10(3), 1/3 and -ln 3, with hints")
        void wrong() {
            assertWrong(VanishingGradientExercises.chanceLevel(2.303), "ten classes", "1.09");
            assertWrong(VanishingGradientExercises.chanceLevel(0.477), "natural logarithm", "1.09");
            assertWrong(VanishingGradientExercises.chanceLevel(0.333), "not the probability", "1.09");
            assertWrong(VanishingGradientExercises.chanceLevel(-1.0986), "sign", "1.09");
        }
    }
}
