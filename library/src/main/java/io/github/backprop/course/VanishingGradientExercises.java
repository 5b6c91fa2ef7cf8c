package io.github.backprop.course;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.init.Initializer;
import io.github.backprop.init.Initializers;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.NetworkBuilder;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;

import java.util.stream.IntStream;

/**
 * The exercises of notebook 11, vanishing and exploding gradients. The networks are built and
 * trained exactly as the notebook's {@code deep(f, hidden, init)} and {@code trainer.get()} do
 * (the first 1,437 digits; SGD with learning rate 0.1, 15 epochs, batches of 32, shuffled with
 * seed 8), so a learner who runs the notebook's code reads the same numbers. Each network is
 * trained once, the first time a check needs it.
 */
public final class VanishingGradientExercises {
    /** "Learns" in the exercises: a training accuracy above this after the 15 epochs. */
    static final double LEARNS = 0.5;
    /** The ratio of the five-hidden-layer sigmoid network, stated in the notebook. */
    private static final double FIVE_LAYER_RATIO = 851;

    private static final String PREDICTION = "prediction for two hidden layers";
    private static final String SHALLOW_RATIO = "ratio ||dW[out]|| / ||dW[1]|| with two hidden layers";
    private static final String RELU_XAVIER = "answer for ReLU with Xavier";
    private static final String SIGMOID_HE = "answer for sigmoid with He";
    private static final String TANH_RATIO = "ratio ||dW[out]|| / ||dW[1]|| of the tanh network";
    private static final String TANH_LEARNS = "answer for the tanh network";

    private VanishingGradientExercises() {
    }

    /**
     * Exercise 1, first part: the prediction that the sigmoid network with two hidden layers has a
     * smaller ratio ||dW[out]|| / ||dW[1]|| in its first epoch than the one with five.
     *
     * @param mySmallerRatio true if the learner predicts a smaller ratio
     * @return the verdict
     */
    public static Verdict shallowerPrediction(Boolean mySmallerRatio) {
        if (mySmallerRatio == null) {
            return Unanswered.ofNull(PREDICTION);
        }
        boolean smaller = Trained.SHALLOW_SIGMOID.ratio() < Trained.SIGMOID.ratio();
        return ExactCheck.of(PREDICTION, smaller)
                .hint("Count the steps back from the output to layer 1: each sigmoid layer on the way multiplies the "
                        + "error by sigma'(z) <= 0.25. Are there more of them, or fewer?")
                .whenRight("Fewer layers, fewer factors of sigma'(z) <= 0.25 between the output and layer 1. "
                        + "Now measure it.")
                .check(mySmallerRatio);
    }

    /**
     * Exercise 1, second part: the first epoch's ratio ||dW[out]|| / ||dW[1]|| of
     * {@code deep(Activations.sigmoid(), 2, Initializers.xavier())} trained with {@code trainer.get()}.
     *
     * @param myRatio the learner's ratio
     * @return the verdict
     */
    public static Verdict shallowerRatio(double myRatio) {
        if (Double.isNaN(myRatio)) {
            return Unanswered.ofNaN(SHALLOW_RATIO);
        }
        Trained shallow = Trained.SHALLOW_SIGMOID;
        double[] first = shallow.history().epochs().get(0).gradientNorms();
        double[] last = shallow.history().last().gradientNorms();
        return NumberCheck.of(SHALLOW_RATIO, shallow.ratio())
                .hint("Train deep(Activations.sigmoid(), 2, Initializers.xavier()) with trainer.get(), take the first "
                        + "epoch's gradientNorms() and divide the last entry (the output layer) by the first (layer 1).")
                .mistake(1 / shallow.ratio(), "That is layer 1's norm divided by the output layer's: turn the ratio around.")
                .mistake(last[last.length - 1] / last[0], "That is the last epoch's ratio: use the first epoch, epochs().get(0).")
                .mistake(first[first.length - 2] / first[0], "That divides by layer 1 the norm of the last hidden layer; "
                        + "the output layer is the last entry of gradientNorms().")
                .mistake(FIVE_LAYER_RATIO, "That is the five-layer network's ratio from the notebook: build the network "
                        + "with 2 hidden layers.")
                .whenRight("Two sigmoid layers between the output and layer 1 instead of five: the gap shrinks from a "
                        + "factor of about 1000 to a factor of about 10, and this network does learn (training accuracy "
                        + String.format(java.util.Locale.ROOT, "%.2f", shallow.history().last().trainingAccuracy())
                        + " after 15 epochs), slowly.")
                .check(myRatio);
    }

    /**
     * Exercise 2: whether ReLU layers with Xavier initialisation, and sigmoid layers with He
     * initialisation, learn (training accuracy above 0.5 after 15 epochs).
     *
     * @param myReluXavierLearns the learner's answer for ReLU with Xavier
     * @param mySigmoidHeLearns the learner's answer for sigmoid with He
     * @return the verdict on both
     */
    public static Verdict swappedInitialisations(Boolean myReluXavierLearns, Boolean mySigmoidHeLearns) {
        if (myReluXavierLearns == null) {
            return Unanswered.ofNull(RELU_XAVIER);
        }
        if (mySigmoidHeLearns == null) {
            return Unanswered.ofNull(SIGMOID_HE);
        }
        String how = "Train it with trainer.get() and read history.last().trainingAccuracy(): is it above 0.5?";
        ExactCheck<Boolean> relu = ExactCheck.of(RELU_XAVIER, Trained.RELU_XAVIER.learns())
                .hint("Build deep(Activations.relu(), 5, Initializers.xavier()). " + how);
        ExactCheck<Boolean> sigmoid = ExactCheck.of(SIGMOID_HE, Trained.SIGMOID_HE.learns())
                .hint("Build deep(Activations.sigmoid(), 5, Initializers.he()). " + how)
                .whenRight("So here the activation makes the difference, not the initialisation: ReLU learns with "
                        + "either, sigmoid with neither. (Xavier starts ReLU layers a little too small for them, "
                        + "but not so small that the signal dies.)");
        return Verdict.all(relu.check(myReluXavierLearns), sigmoid.check(mySigmoidHeLearns));
    }

    /**
     * Exercise 3: the tanh network with Xavier initialisation: its first epoch's ratio
     * ||dW[out]|| / ||dW[1]||, and whether it learns.
     *
     * @param myRatio the learner's ratio
     * @param myLearns the learner's answer: training accuracy above 0.5 after 15 epochs?
     * @return the verdict on both
     */
    public static Verdict tanhNetwork(double myRatio, Boolean myLearns) {
        if (Double.isNaN(myRatio)) {
            return Unanswered.ofNaN(TANH_RATIO);
        }
        if (myLearns == null) {
            return Unanswered.ofNull(TANH_LEARNS);
        }
        Trained tanh = Trained.TANH;
        NumberCheck ratio = NumberCheck.of(TANH_RATIO, tanh.ratio())
                .hint("Train deep(Activations.tanh(), 5, Initializers.xavier()) with trainer.get(); divide the last "
                        + "entry of the first epoch's gradientNorms() by the first entry.")
                .mistake(1 / tanh.ratio(), "That is layer 1's norm divided by the output layer's: turn the ratio around.");
        ExactCheck<Boolean> learns = ExactCheck.of(TANH_LEARNS, tanh.learns())
                .hint("Read history.last().trainingAccuracy() of the tanh network: is it above 0.5?")
                .whenRight("tanh is closer to ReLU than to sigmoid: its slope is 1 at z = 0 (sigmoid's is 0.25) and it is "
                        + "centred on 0, so with Xavier each layer passes the error back at about the same size.");
        return Verdict.all(ratio.check(myRatio), learns.check(myLearns));
    }

    /**
     * Exercise 4: for a ReLU layer with n = 32 inputs, the factor sqrt(n Var(w) / 2) for weights
     * uniform in +-1 (Var(w) = 1/3), and the half-width c that makes the factor 1.
     *
     * @param myFactor the learner's factor for c = 1
     * @param myLimit the learner's c for a factor of 1
     * @return the verdict on both
     */
    public static Verdict initialisationFactors(double myFactor, double myLimit) {
        int n = 32;
        // factor = sqrt(n Var(w) / 2), Var(w) = c^2 / 3 for w uniform in [-c, c]
        double factor = Math.sqrt(n * (1.0 / 3) / 2);
        // sqrt(n (c^2 / 3) / 2) = 1  <=>  c = sqrt(6 / n)
        double limit = Math.sqrt(6.0 / n);
        NumberCheck factorCheck = NumberCheck.of("factor per layer for weights in ±1", factor)
                .hint("Put n = 32 and Var(w) = c^2/3 with c = 1 into sqrt(n Var(w) / 2).")
                .mistake(Math.sqrt(n / 3.0), "Do not forget the 1/2 (about half of the ReLUs are off).")
                .mistake(Math.sqrt(n / 2.0), "Var(w) of weights uniform in ±1 is 1/3, not 1.")
                .mistake(n / 3.0 / 2, "Take the square root of n Var(w) / 2.")
                .whenRight("The table measured about 2.2 per layer back for uniform ±1: the formula is a good guide.");
        NumberCheck limitCheck = NumberCheck.of("c that gives a factor of 1", limit)
                .hint("Solve sqrt(n c^2/3 / 2) = 1 for c: n c^2 / 6 = 1.")
                .mistake(Math.sqrt(2.0 / n), "That is He's standard deviation sqrt(2/n); a uniform in ±c has variance "
                        + "c^2/3, so c must be larger.")
                .mistake(Math.sqrt(3.0 / n), "Check the 1/2: n (c^2/3) / 2 = 1.")
                .mistake(6.0 / n, "Take the square root: c^2 = 6/n.")
                .whenRight("This is He's variance, 2/n, with uniform weights: c = sqrt(6/n).");
        return Verdict.all(factorCheck.check(myFactor), limitCheck.check(myLimit));
    }

    /**
     * Exercise 5: the cross-entropy of a network that outputs 1/3 for each of three classes, ln 3.
     *
     * @param myLoss the learner's loss
     * @return the verdict
     */
    public static Verdict chanceLevel(double myLoss) {
        // L = -sum_k y_k ln a_k = -ln(1/3) = ln 3, whichever class is right
        double loss = Losses.crossEntropy().value(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, new double[] {1, 0, 0}, 1, 3);
        return NumberCheck.of("cross-entropy of outputting 1/3 for each of three classes", loss)
                .hint("Only the right class counts in L = -sum_k y_k ln a_k, and it gets a = 1/3.")
                .mistake(Math.log(10), "That is the chance level for ten classes (the digits); iris has three.")
                .mistake(Math.log10(3), "Cross-entropy uses the natural logarithm ln, not log10.")
                .mistake(1.0 / 3, "L is minus the logarithm of the probability of the right class, not the probability.")
                .mistake(-Math.log(3), "Check the sign: L = -ln a, and ln(1/3) is negative.")
                .whenRight("For C equally common classes, chance level is ln C.")
                .check(myLoss);
    }

    /** The exercises' networks, each trained once, when first needed. */
    private enum Trained {
        SIGMOID(Activations.sigmoid(), 5, Initializers.xavier()),
        SHALLOW_SIGMOID(Activations.sigmoid(), 2, Initializers.xavier()),
        RELU_XAVIER(Activations.relu(), 5, Initializers.xavier()),
        SIGMOID_HE(Activations.sigmoid(), 5, Initializers.he()),
        TANH(Activations.tanh(), 5, Initializers.xavier());

        private final Activation f;
        private final int hidden;
        private final Initializer init;
        private volatile History history;

        Trained(Activation f, int hidden, Initializer init) {
            this.f = f;
            this.hidden = hidden;
            this.init = init;
        }

        synchronized History history() {
            if (history == null) {
                history = trainer().fit(deep(f, hidden, init), DigitsPart.TRAIN);
            }
            return history;
        }

        /** ||dW[out]|| / ||dW[1]|| in the first epoch. */
        double ratio() {
            double[] first = history().epochs().get(0).gradientNorms();
            return first[first.length - 1] / first[0];
        }

        boolean learns() {
            return history().last().trainingAccuracy() > LEARNS;
        }
    }

    /** The notebook's training digits: the first 1,437. */
    private static final class DigitsPart {
        static final Dataset TRAIN = Datasets.digits().rows(IntStream.range(0, 1437).toArray());
    }

    /** The notebook's {@code deep(f, hidden, init)}. */
    static Network deep(Activation f, int hidden, Initializer init) {
        NetworkBuilder layers = Network.builder(64);
        for (int l = 1; l <= hidden; l++) {
            layers.dense(32, f);
        }
        return layers.dense(10, Activations.softmax()).weightInitializer(init).seed(8).build();
    }

    /** The notebook's {@code trainer.get()}. */
    static Trainer trainer() {
        return Trainer.builder()
                .loss(Losses.crossEntropy())
                .optimizer(Optimizers.sgd(0.1))
                .epochs(15)
                .batchSize(32)
                .shuffle(8)
                .recordGradientNorms()
                .build();
    }
}
