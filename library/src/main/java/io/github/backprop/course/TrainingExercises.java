package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.data.TrainValidationTestSplit;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizer;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingDivergedException;

/**
 * The exercises of notebook 8, training: XOR with fewer hidden neurons, the largest stable
 * learning rate of one linear neuron, and Adam on the two moons. Every right answer comes from
 * the same networks, data and settings the notebook uses, trained here when a check needs it.
 */
public final class TrainingExercises {
    /** The notebook's target loss for XOR. */
    static final double XOR_TARGET = 0.01;
    /** The most epochs exercise 1 allows. */
    static final int XOR_EPOCHS = 5000;
    /** The epochs of exercise 2's runs, and the loss they must get below. */
    static final int LINE_EPOCHS = 500;
    static final double LINE_TARGET = 1e-6;

    private TrainingExercises() {
    }

    /**
     * The XOR network of the notebook with {@code hidden} sigmoid neurons: 2-hidden-1, seed 42.
     *
     * @param hidden hidden neurons
     * @return a new network
     */
    static Network xorNetwork(int hidden) {
        return Network.builder(2)
                .dense(hidden, Activations.sigmoid())
                .dense(1, Activations.sigmoid())
                .seed(42)
                .build();
    }

    /** XOR trained as in the notebook: MSE, SGD with eta = 2, full batch, target loss 0.01, at most 5,000 epochs. */
    static History trainXor(int hidden) {
        return Trainer.builder()
                .loss(Losses.mse())
                .optimizer(Optimizers.sgd(2.0))
                .epochs(XOR_EPOCHS)
                .batchSize(4)
                .targetLoss(XOR_TARGET)
                .build()
                .fit(xorNetwork(hidden), Datasets.xor());
    }

    /**
     * Exercise 1: does XOR with 2 hidden neurons (instead of 4) reach the target loss 0.01 within
     * 5,000 epochs, and after how many epochs?
     *
     * @param myReaches the learner's prediction (then observation): true if it reaches the target
     * @param myEpochs the epochs it needed (the history's epoch count)
     * @return the verdict on both
     */
    public static Verdict twoHiddenNeurons(Boolean myReaches, Integer myEpochs) {
        if (myReaches == null) {
            return Verdict.unanswered("replace null with true or false: does the network with 2 hidden neurons reach the target loss?");
        }
        History two = XorRuns.TWO_HIDDEN;
        boolean reaches = two.stopReason() == History.StopReason.TARGET_LOSS_REACHED;
        Verdict first = ExactCheck.of("the right answer to \"does it reach the target loss within 5,000 epochs?\"", reaches)
                .hint("Train it: copy the cells that build and train xorNet, change .dense(4, ...) to .dense(2, ...),"
                        + " and read the stop reason of the History.")
                .whenRight("Two hidden neurons are enough for XOR.")
                .check(myReaches);
        if (!first.passed()) {
            return first;
        }
        ExactCheck<Integer> epochs = ExactCheck.of("epoch count with 2 hidden neurons", two.epochs().size())
                .hint("Read the epoch count from the History the training cell shows (History(N epochs, ...)),"
                        + " with seed 42, SGD with learning rate 2.0, batch size 4 and target loss 0.01.");
        epochs = mistakeIfDifferent(epochs, XorRuns.FOUR_HIDDEN.epochs().size(), "That is the count of the network with"
                + " 4 hidden neurons: build the new one with .dense(2, Activations.sigmoid()).");
        Verdict second = epochs.check(myEpochs);
        return Verdict.all(first, second);
    }

    /** The 50 inputs x_n = -2 + 4n/49 of the notebook's linear neuron. */
    static double[][] lineInputs() {
        double[][] x = new double[50][1];
        for (int n = 0; n < 50; n++) {
            x[n][0] = -2 + 4.0 * n / 49;
        }
        return x;
    }

    /** The line y = 3x + 1 at those inputs. */
    static Dataset line() {
        double[][] x = lineInputs();
        double[][] y = new double[50][1];
        for (int n = 0; n < 50; n++) {
            y[n][0] = 3 * x[n][0] + 1;
        }
        return Dataset.of(x, y);
    }

    /** lambda_max = the mean of x_n^2 over the 50 inputs. */
    static double curvature() {
        double sum = 0;
        for (double[] x : lineInputs()) {
            sum += x[0] * x[0];
        }
        // lambda = (1/N) sum_n x_n^2
        return sum / 50;
    }

    /**
     * Exercise 2a: the curvature lambda_max of the linear neuron's loss along w, the mean of
     * x_n^2 over its 50 inputs, with at least three significant digits (part b divides by it).
     *
     * @param myLambda the learner's lambda_max
     * @return the verdict
     */
    public static Verdict curvature(double myLambda) {
        double lambda = curvature();
        double sumOfSquares = lambda * 50;
        double meanAbs = 0;
        for (double[] x : lineInputs()) {
            meanAbs += Math.abs(x[0]) / 50;
        }
        return NumberCheck.of("lambda_max (the mean of x_n^2)", lambda)
                .significantDigits(3)
                .hint("Square each of the 50 inputs lx[n][0], add the squares up and divide by 50.")
                .mistake(0, "That is the mean of x itself (the inputs are symmetric around 0): square each x_n first.")
                .mistake(sumOfSquares, "That is the sum of the squares: the curvature is their mean, so divide by 50.")
                .mistake(meanAbs, "That is the mean of |x_n|: square each x_n instead.")
                .check(myLambda);
    }

    /**
     * Exercise 2b: the largest stable learning rate eta_max = 2 / lambda_max, with at least three
     * significant digits. Computed from lambda_max with all its digits or from lambda_max rounded
     * to 1.39 (both are right).
     *
     * @param myRate the learner's eta_max
     * @return the verdict
     */
    public static Verdict largestStableRate(double myRate) {
        double lambda = curvature();
        // three significant digits: 1.5 must not pass as a rounded 1.44, since part (c) asks about 1.5
        NumberCheck exact = NumberCheck.of("largest stable learning rate 2 / lambda_max", 2 / lambda)
                .significantDigits(3)
                .hint("eta_max = 2 / lambda_max, with your lambda_max from part (a).")
                .mistake(1 / lambda, "That is 1 / lambda_max: the step eta lambda may be up to 2 (it then lands exactly"
                        + " on the other side of the bowl), so eta_max = 2 / lambda_max.")
                .mistake(lambda / 2, "That is lambda_max / 2: divide 2 by lambda_max, not the other way round.")
                .mistake(2 * lambda, "That is 2 lambda_max: divide 2 by lambda_max.");
        NumberCheck fromRounded = NumberCheck.of("largest stable learning rate 2 / lambda_max", 2 / 1.39).significantDigits(3);
        // NumberCheck lets the last digit be off by one; here 1.45 must not pass for 1.4412 (1.45 diverges)
        boolean rounded = Math.abs(myRate - 2 / lambda) <= 0.005 || Math.abs(myRate - 2 / 1.39) <= 0.005;
        if (!rounded && (exact.accepts(myRate) || fromRounded.accepts(myRate))) {
            return Verdict.wrong("that is not the largest stable learning rate 2 / lambda_max. Divide 2 by your"
                    + " lambda_max and round the result to the nearest digit.");
        }
        if (!exact.accepts(myRate) && fromRounded.accepts(myRate)) {
            return fromRounded.check(myRate);
        }
        return exact.check(myRate);
    }

    /**
     * Exercise 2c: within 500 epochs, does eta = 1.4 bring the linear neuron's loss below 1e-6?
     * Does eta = 1.5?
     *
     * @param myAt14 the learner's answer for eta = 1.4
     * @param myAt15 the learner's answer for eta = 1.5
     * @return the verdict on both
     */
    public static Verdict convergesWithin500(Boolean myAt14, Boolean myAt15) {
        if (myAt14 == null || myAt15 == null) {
            return Verdict.unanswered("replace each null with true or false: does the loss get below 1e-6 within 500 epochs?");
        }
        Verdict at14 = ExactCheck.of("the right answer for eta = 1.4", convergesWithin500(1.4))
                .hint("Compare 1.4 with your eta_max, or run the cell try-rate with tryRate = 1.4.")
                .whenRight("1.4 is below eta_max: every step shrinks the distance to the bottom.")
                .check(myAt14);
        Verdict at15 = ExactCheck.of("the right answer for eta = 1.5", convergesWithin500(1.5))
                .hint("Compare 1.5 with your eta_max from part (b): below it the distance to the bottom shrinks"
                        + " every step, above it it grows. Or run the cell try-rate with tryRate = 1.5.")
                .whenRight("1.5 is above eta_max: every step overshoots further than the last.")
                .check(myAt15);
        return Verdict.all(at14, at15);
    }

    /** True if SGD with this rate brings the linear neuron's loss below 1e-6 within 500 epochs (as the cell try-rate trains it). */
    static boolean convergesWithin500(double rate) {
        Network neuron = Network.builder(1).dense(1, Activations.identity()).seed(1).build();
        try {
            return Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(rate)).epochs(LINE_EPOCHS).batchSize(50).build()
                    .fit(neuron, line()).finalLoss() < LINE_TARGET;
        } catch (TrainingDivergedException e) {
            return false;
        }
    }

    /** The moons of the notebook: 200 points, noise 0.15, seed 7, split 100 / 50 / 50 with seed 7. */
    static TrainValidationTestSplit moons() {
        return TrainValidationTestSplit.of(Datasets.moons(200, 0.15, 7), 0.25, 0.25, 7);
    }

    /** The moons trained as in the notebook (2-16-1, tanh then sigmoid, BCE, batches of 16, early stopping with patience 20). */
    static History trainMoons(Optimizer optimizer) {
        TrainValidationTestSplit split = moons();
        Network network = Network.builder(2)
                .dense(16, Activations.tanh())
                .dense(1, Activations.sigmoid())
                .seed(7)
                .build();
        return Trainer.builder()
                .loss(Losses.binaryCrossEntropy())
                .optimizer(optimizer)
                .epochs(300)
                .batchSize(16)
                .shuffle(7)
                .validation(split.validation())
                .earlyStopping(20)
                .build()
                .fit(network, split.train());
    }

    /**
     * Exercise 3: with Adam (learning rate 0.01) instead of SGD on the moons, after which epoch
     * does early stopping stop, and which epoch's weights does it keep?
     *
     * @param myLastEpoch the last epoch that ran
     * @param myBestEpoch the best validation epoch, whose weights are kept
     * @return the verdict on both
     */
    public static Verdict adamOnMoons(Integer myLastEpoch, Integer myBestEpoch) {
        if (myLastEpoch == null) {
            return Verdict.unanswered("replace null with the last epoch of the Adam run.");
        }
        History adam = MoonRuns.ADAM;
        History sgd = MoonRuns.SGD;
        String runIt = "Train the moons again with .optimizer(Optimizers.adam(0.01)) (a new network and a new optimiser,"
                + " everything else as in the cell moons-train), then read History(N epochs, ...)";
        Verdict last = mistakeIfDifferent(ExactCheck.of("last epoch of the Adam run", adam.epochs().size()).hint(runIt + "."),
                sgd.epochs().size(), "That is where the SGD run stopped: change the optimiser to Optimizers.adam(0.01).")
                .check(myLastEpoch);
        Verdict best = mistakeIfDifferent(ExactCheck.of("best validation epoch of the Adam run", adam.bestValidationEpoch())
                        .hint(runIt + " and its bestValidationEpoch(). Early stopping waits 20 epochs after the best one."),
                sgd.bestValidationEpoch(), "That is the SGD run's best epoch: change the optimiser to Optimizers.adam(0.01).")
                .check(myBestEpoch);
        return Verdict.all(last, best);
    }

    /** A typical wrong answer, unless it happens to be the right one. */
    static <T> ExactCheck<T> mistakeIfDifferent(ExactCheck<T> check, T wrong, String hint) {
        return check.accepts(wrong) ? check : check.mistake(wrong, hint);
    }

    /** The XOR runs exercise 1 compares with, trained once, when first needed. */
    private static final class XorRuns {
        static final History TWO_HIDDEN = trainXor(2);
        static final History FOUR_HIDDEN = trainXor(4);
    }

    /** The moons runs exercise 3 compares with, trained once, when first needed. */
    private static final class MoonRuns {
        static final History ADAM = trainMoons(Optimizers.adam(0.01));
        static final History SGD = trainMoons(Optimizers.sgd(0.5));
    }
}
