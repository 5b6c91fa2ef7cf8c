package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.data.Scaler;
import io.github.backprop.data.TableData;
import io.github.backprop.data.TrainValidationTestSplit;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.Score;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.Trainer;

import java.util.Objects;

/**
 * The exercises of notebook 12, your own data (iris from a CSV file). The right answers come from
 * the notebook's {@code recipe}, repeated here: the same three-way split (20% validation, 20% test,
 * seed 9), the scaler fitted on the training part, a 8-tanh-neuron network (seed 9) trained with
 * Adam (learning rate 0.01, batches of 16, shuffled with seed 9) and early stopping on the
 * validation part (patience 20, at most 200 epochs), scored on the validation part.
 */
public final class OwnDataExercises {
    /** All four columns' count of validation flowers right, stated in the notebook. */
    private static final int ALL_FOUR_RIGHT = 29;

    private static final String PETALS = "count of validation flowers right with the petal columns";
    private static final String SEPALS = "count of validation flowers right with the sepal columns";
    private static final String MIN_MAX_RIGHT = "count of validation flowers right with min-max scaling";
    private static final String MIN_MAX_LOSS = "validation loss with min-max scaling";

    private OwnDataExercises() {
    }

    /**
     * Exercise 1: how many of the 30 validation flowers the recipe gets right with only the two petal
     * columns, and with only the two sepal columns.
     *
     * @param myPetalsRight the learner's count for petal_length and petal_width
     * @param mySepalsRight the learner's count for sepal_length and sepal_width
     * @return the verdict on both
     */
    public static Verdict whichColumns(Integer myPetalsRight, Integer mySepalsRight) {
        if (myPetalsRight == null) {
            return Unanswered.ofNull(PETALS);
        }
        if (mySepalsRight == null) {
            return Unanswered.ofNull(SEPALS);
        }
        int petals = recipe(columns("petal_length", "petal_width"), Scaler.standardize()).correct();
        int sepals = recipe(columns("sepal_length", "sepal_width"), Scaler.standardize()).correct();
        String redo = "Convert the table again with TableData.from(iris).features(...).label(\"species\").toDataset(), "
                + "run recipe.apply(thatData, Scaler.standardize()) and read correct= in its score.";
        ExactCheck<Integer> petalCheck = ExactCheck.of(PETALS, petals)
                .hint("Use only .features(\"petal_length\", \"petal_width\"). " + redo);
        ExactCheck<Integer> sepalCheck = ExactCheck.of(SEPALS, sepals)
                .hint("Use only .features(\"sepal_length\", \"sepal_width\"). " + redo)
                .whenRight("The petals carry nearly everything: one flower fewer than with all four columns, a small "
                        + "difference on 30 flowers. The sepals alone lose many more: petal length and width separate "
                        + "the species far better than the sepal measurements.");
        if (petals != ALL_FOUR_RIGHT) {
            petalCheck = petalCheck.mistake(ALL_FOUR_RIGHT, "That is the count with all four columns. " + redo);
        }
        if (sepals != ALL_FOUR_RIGHT) {
            sepalCheck = sepalCheck.mistake(ALL_FOUR_RIGHT, "That is the count with all four columns. " + redo);
        }
        return Verdict.all(petalCheck.check(myPetalsRight), sepalCheck.check(mySepalsRight));
    }

    /**
     * Exercise 2: the recipe with min-max scaling instead of standardisation (all four columns): the
     * count of validation flowers right and the validation loss.
     *
     * @param myRight the learner's count
     * @param myLoss the learner's validation loss
     * @return the verdict on both
     */
    public static Verdict minMaxScaling(Integer myRight, double myLoss) {
        if (myRight == null) {
            return Unanswered.ofNull(MIN_MAX_RIGHT);
        }
        if (Double.isNaN(myLoss)) {
            return Unanswered.ofNaN(MIN_MAX_LOSS);
        }
        Dataset allFour = columns("sepal_length", "sepal_width", "petal_length", "petal_width");
        Score minMax = recipe(allFour, Scaler.minMax());
        Score standardized = recipe(allFour, Scaler.standardize());
        String redo = "Run recipe.apply(data, Scaler.minMax()) and read correct= and loss= in its score.";
        ExactCheck<Integer> right = ExactCheck.of(MIN_MAX_RIGHT, minMax.correct())
                .hint(redo);
        NumberCheck loss = NumberCheck.of(MIN_MAX_LOSS, minMax.loss())
                .hint(redo)
                .mistake(standardized.loss(), "That is the loss with standardisation: pass Scaler.minMax() to the recipe.")
                .whenRight("Min-max scaling puts every training feature into [0, 1] instead of around 0 with unit "
                        + "spread. The network gets to about the same place, by another path: the same count, a "
                        + "slightly different loss, another best epoch.");
        return Verdict.all(right.check(myRight), loss.check(myLoss));
    }

    /**
     * Exercise 3: after saving a network with ModelJson and loading it back, on how many validation
     * samples the two predict different classes (0, as the format keeps every weight exactly).
     *
     * @param original the network that was saved (the notebook's {@code best})
     * @param loaded the network loaded back, or null if not done yet
     * @param validation the validation part the learner compared them on
     * @param myDifferent the learner's count
     * @return the verdict
     */
    public static Verdict savedAndLoaded(Network original, Network loaded, Dataset validation, Integer myDifferent) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(validation, "validation");
        if (loaded == null) {
            return Verdict.unanswered("load the saved file into loaded with ModelJson.load(file).");
        }
        if (loaded == original) {
            return Verdict.wrong("loaded is the same object as the original: save it with ModelJson.save(best, file), "
                    + "then set loaded = ModelJson.load(file).");
        }
        int[] before = Evaluation.predictClasses(original, validation.features());
        int[] after = Evaluation.predictClasses(loaded, validation.features());
        int different = 0;
        for (int n = 0; n < before.length; n++) {
            if (before[n] != after[n]) {
                different++;
            }
        }
        return ExactCheck.of("count of validation flowers predicted differently", different)
                .hint("Compare Evaluation.predictClasses(best, validation.features()) with the same for loaded, "
                        + "flower by flower, and count where they differ.")
                .whenRight("The file keeps every weight and bias exactly, so the loaded network computes the same "
                        + "outputs. Remember to keep the fitted scaler with it: new flowers must be scaled the same way.")
                .check(myDifferent);
    }

    /** The iris table's chosen feature columns, labelled by species. */
    static Dataset columns(String... features) {
        return TableData.from(TableData.irisTable()).features(features).label("species").toDataset();
    }

    /** The notebook's {@code recipe}: the validation score of the early-stopped network. */
    static Score recipe(Dataset d, Scaler unfitted) {
        TrainValidationTestSplit parts = TrainValidationTestSplit.of(d, 0.2, 0.2, 9);
        Scaler fitted = unfitted.fit(parts.train());
        Dataset validationPart = fitted.transform(parts.validation());
        Network n = Network.builder(d.featureCount()).dense(8, Activations.tanh()).dense(3, Activations.softmax()).seed(9).build();
        Trainer.builder().loss(Losses.crossEntropy()).optimizer(Optimizers.adam(0.01)).epochs(200).batchSize(16).shuffle(9)
                .validation(validationPart).earlyStopping(20).build()
                .fit(n, fitted.transform(parts.train()));
        return Evaluation.score(n, Losses.crossEntropy(), validationPart);
    }
}
