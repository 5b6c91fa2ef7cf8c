package io.github.backprop.course;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.data.Datasets;
import io.github.backprop.data.TrainValidationTestSplit;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.TagScores;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Loss;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exercises of notebook 10, the digits: a smaller hidden layer, sigmoid outputs with MSE
 * against softmax with cross-entropy, and reading the confusion matrix, the per-class report and
 * the per-tag scores. Training exercises are checked against the notebook's own recipe, run here;
 * reading exercises take the notebook's object (the confusion matrix, the tag scores), and accept
 * every answer that ties for the place asked about.
 */
public final class DigitsExercises {
    private DigitsExercises() {
    }

    /** The notebook's split: 60 / 20 / 20, class by class, seed 7 (made once: data sets never change). */
    static TrainValidationTestSplit split() {
        return Split.DIGITS;
    }

    /** The split, read and made on first use. */
    private static final class Split {
        static final TrainValidationTestSplit DIGITS = TrainValidationTestSplit.of(Datasets.digits(), 0.2, 0.2, 7);
    }

    /**
     * The notebook's recipe (64-hidden-10, sigmoid hidden layer, seed 2, SGD with learning rate
     * 0.5, batches of 32 shuffled with seed 2, scored on the validation set every epoch).
     */
    static History train(int hidden, Activation output, Loss loss, int epochs) {
        TrainValidationTestSplit split = split();
        Network network = Network.builder(64)
                .dense(hidden, Activations.sigmoid())
                .dense(10, output)
                .seed(2)
                .build();
        return Trainer.builder()
                .loss(loss)
                .optimizer(Optimizers.sgd(0.5))
                .epochs(epochs)
                .batchSize(32)
                .shuffle(2)
                .validation(split.validation())
                .build()
                .fit(network, split.train());
    }

    /**
     * Exercise 1: the validation accuracy of the network with 16 hidden neurons after 40 epochs,
     * and whether it is lower than the 32-neuron network's.
     *
     * @param myAccuracy the validation accuracy after epoch 40
     * @param myLower true if it is lower than with 32 hidden neurons
     * @return the verdict on both
     */
    public static Verdict sixteenHidden(double myAccuracy, Boolean myLower) {
        if (Double.isNaN(myAccuracy)) {
            return Verdict.unanswered("replace Double.NaN with the validation accuracy of the 16-neuron network after 40 epochs.");
        }
        History sixteen = Runs.SIXTEEN;
        History thirtyTwo = Runs.THIRTY_TWO;
        NumberCheck accuracy = NumberCheck.of("validation accuracy with 16 hidden neurons after 40 epochs",
                        sixteen.last().validationAccuracy())
                .hint("Build the network with .dense(16, Activations.sigmoid()) and train it as in the cell train but with"
                        + " .epochs(40) and without earlyStopping, then read the validation accuracy of epoch 40.")
                .mistake(sixteen.last().trainingAccuracy(), "That is the training accuracy: read the validation accuracy.");
        Verdict first = accuracy.check(myAccuracy);
        if (!first.passed()) {
            return first;
        }
        if (myLower == null) {
            return Verdict.unanswered("replace null with true or false: is it lower than with 32 hidden neurons?");
        }
        boolean lower = sixteen.last().validationAccuracy() < thirtyTwo.last().validationAccuracy();
        Verdict second = ExactCheck.of("the right answer to \"is it lower than with 32?\"", lower)
                .hint("Compare with the 32-neuron network's validation accuracy after epoch 40:"
                        + " history.epochs().get(39).validationAccuracy().")
                .whenRight("Half the hidden neurons, " + (lower ? "a little lower" : "no lower")
                        + " validation accuracy: on this data 32 neurons are more than the task needs.")
                .check(myLower);
        return Verdict.all(first, second);
    }

    /**
     * Exercise 2: the validation accuracy after 10 epochs with 10 sigmoid outputs and MSE, and
     * whether softmax with cross-entropy is ahead after 10 epochs.
     *
     * @param myAccuracy the validation accuracy of the sigmoid + MSE network after epoch 10
     * @param myCrossEntropyAhead true if softmax + cross-entropy has the higher validation accuracy after epoch 10
     * @return the verdict on both
     */
    public static Verdict mseForTenEpochs(double myAccuracy, Boolean myCrossEntropyAhead) {
        if (Double.isNaN(myAccuracy)) {
            return Verdict.unanswered("replace Double.NaN with the validation accuracy of the sigmoid + MSE network after 10 epochs.");
        }
        History mse = Runs.MSE_TEN;
        double crossEntropyAtTen = Runs.THIRTY_TWO.epochs().get(9).validationAccuracy();
        Verdict first = NumberCheck.of("validation accuracy with sigmoid outputs and MSE after 10 epochs",
                        mse.last().validationAccuracy())
                .hint("Build the output layer with .dense(10, Activations.sigmoid()), train with .loss(Losses.mse()),"
                        + " .epochs(10) and without earlyStopping, everything else as in the cell train, then read the"
                        + " validation accuracy of epoch 10.")
                .mistake(mse.last().trainingAccuracy(), "That is the training accuracy: read the validation accuracy.")
                .check(myAccuracy);
        if (!first.passed()) {
            return first;
        }
        if (myCrossEntropyAhead == null) {
            return Verdict.unanswered("replace null with true or false: is softmax with cross-entropy ahead after 10 epochs?");
        }
        boolean ahead = crossEntropyAtTen > mse.last().validationAccuracy();
        Verdict second = ExactCheck.of("the right answer to \"is softmax with cross-entropy ahead?\"", ahead)
                .hint("Compare with epoch 10 of the softmax network: history.epochs().get(9).validationAccuracy().")
                .whenRight("With MSE the output delta carries a factor sigma'(z), small when an output is confidently"
                        + " wrong; with cross-entropy delta = a - y has none, so it learns fast from its worst mistakes.")
                .check(myCrossEntropyAhead);
        return Verdict.all(first, second);
    }

    /**
     * Exercise 3: the most frequent mistake in a confusion matrix: the true digit and the digit it
     * was taken for. Every pair that ties for the largest count off the diagonal is right.
     *
     * @param confusion the notebook's confusion matrix
     * @param myTrue the true digit (row)
     * @param myPredicted the predicted digit (column)
     * @return the verdict
     */
    public static Verdict mostConfusedPair(ConfusionMatrix confusion, Integer myTrue, Integer myPredicted) {
        if (myTrue == null || myPredicted == null) {
            return Verdict.unanswered("replace null with the true digit and the predicted digit of the most common mistake.");
        }
        int classes = confusion.classCount();
        if (myTrue < 0 || myTrue >= classes || myPredicted < 0 || myPredicted >= classes) {
            return Verdict.wrong("digits are 0 to " + (classes - 1) + ".");
        }
        if (myTrue.equals(myPredicted)) {
            return Verdict.wrong("that cell is on the diagonal: those are the right answers. Look for the largest count off the diagonal.");
        }
        int most = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (t != p) {
                    most = Math.max(most, confusion.count(t, p));
                }
            }
        }
        int mine = confusion.count(myTrue, myPredicted);
        if (mine == most) {
            int ties = 0;
            for (int t = 0; t < classes; t++) {
                for (int p = 0; p < classes; p++) {
                    ties += t != p && confusion.count(t, p) == most ? 1 : 0;
                }
            }
            return Verdict.right("the most common mistake: a true " + myTrue + " taken for a " + myPredicted + "."
                    + (ties > 1 ? " " + (ties - 1) + " other pair(s) tie with it." : ""));
        }
        if (confusion.count(myPredicted, myTrue) == most) {
            return Verdict.wrong("not quite: rows are the true digits and columns the predictions. Check which of your two digits is the row.");
        }
        return Verdict.wrong("that pair is confused less often than another. Find the largest count off the diagonal"
                + " of the confusion matrix: its row is the true digit, its column the prediction.");
    }

    /**
     * Exercise 4: the digit with the lowest recall on the test set. Every digit that ties for the
     * lowest recall is right.
     *
     * @param confusion the notebook's confusion matrix
     * @param myDigit the learner's digit
     * @return the verdict
     */
    public static Verdict lowestRecall(ConfusionMatrix confusion, Integer myDigit) {
        if (myDigit == null) {
            return Verdict.unanswered("replace null with the digit that has the lowest recall.");
        }
        int classes = confusion.classCount();
        if (myDigit < 0 || myDigit >= classes) {
            return Verdict.wrong("digits are 0 to " + (classes - 1) + ".");
        }
        double lowest = Double.POSITIVE_INFINITY;
        double lowestPrecision = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            lowest = Math.min(lowest, confusion.recall(c));
            lowestPrecision = Math.min(lowestPrecision, confusion.precision(c));
        }
        if (confusion.recall(myDigit) == lowest) {
            return Verdict.right("the digit with the lowest recall: of the real " + myDigit + "s, the network finds the"
                    + " smallest share.");
        }
        if (confusion.precision(myDigit) == lowestPrecision) {
            return Verdict.wrong("that digit has the lowest precision (of the images called " + myDigit + ", the most are not)."
                    + " Recall asks the other way round: of the real images of a digit, how many are found? Read the recall column.");
        }
        return Verdict.wrong("another digit has a lower recall. Read the recall column of the class report (or, in the"
                + " confusion matrix, the diagonal count divided by its row's sum).");
    }

    /**
     * Exercise 5: the tag the multi-label network gets wrong most often (lowest accuracy). Every
     * tag that ties for the lowest accuracy is right; names are compared ignoring case.
     *
     * @param scores the notebook's tag scores on the test set
     * @param myTag the learner's tag name
     * @return the verdict
     */
    public static Verdict hardestTag(TagScores scores, String myTag) {
        if (myTag == null) {
            return Verdict.unanswered("replace null with the name of the tag, e.g. \"prime\".");
        }
        List<String> names = scores.tagNames();
        int mine = -1;
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).equalsIgnoreCase(myTag.strip())) {
                mine = k;
            }
        }
        if (mine < 0) {
            return Verdict.wrong("there is no tag \"" + myTag + "\": the tags are " + String.join(", ", names) + ".");
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < names.size(); k++) {
            lowest = Math.min(lowest, scores.accuracy(k));
        }
        if (scores.accuracy(mine) == lowest) {
            return Verdict.right("the tag with the lowest accuracy: \"" + names.get(mine) + "\".");
        }
        List<String> lowerRecall = new ArrayList<>();
        double lowestRecall = Double.POSITIVE_INFINITY;
        for (int k = 0; k < names.size(); k++) {
            lowestRecall = Math.min(lowestRecall, scores.recall(k));
        }
        for (int k = 0; k < names.size(); k++) {
            if (scores.recall(k) == lowestRecall) {
                lowerRecall.add(names.get(k).toLowerCase(Locale.ROOT));
            }
        }
        if (lowerRecall.contains(names.get(mine).toLowerCase(Locale.ROOT))) {
            return Verdict.wrong("that tag has the lowest recall, but the question is how often a tag is wrong at all:"
                    + " read the accuracy column (right yes and right no together).");
        }
        return Verdict.wrong("another tag has a lower accuracy: read the accuracy column of the tag table.");
    }

    /** The training runs exercises 1 and 2 compare with, trained once, when first needed. */
    private static final class Runs {
        static final History THIRTY_TWO = train(32, Activations.softmax(), Losses.crossEntropy(), 40);
        static final History SIXTEEN = train(16, Activations.softmax(), Losses.crossEntropy(), 40);
        static final History MSE_TEN = train(32, Activations.sigmoid(), Losses.mse(), 10);
    }
}
