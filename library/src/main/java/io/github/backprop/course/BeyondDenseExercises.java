package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Shape;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.random.SplitMix64;
import io.github.backprop.train.Trainer;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * The exercises of notebook 13, convolution and recurrence. The networks and data are built as the
 * notebook builds them: the edge network on the first digit; the conv net trained with
 * {@code digitTrainer.get()} (SGD 0.5, batches of 32, shuffled with seed 2, at most 40 epochs,
 * early stopping with patience 10 on digits 1,150 to 1,436); the recurrent net
 * {@code recurrentNet.apply(length)} on {@code signAt.apply(length, step)} trained with
 * {@code rnnTrainer.get()} (Adam 0.02, 100 epochs, batches of 50, shuffled with seed 15). Networks
 * are trained once, the first time a check needs them.
 */
public final class BeyondDenseExercises {
    /** The 8-kernel conv net's validation accuracy, as the notebook states it. */
    static final double EIGHT_KERNELS_VALIDATION = 0.983;

    private static final String NON_ZERO = "count of non-zero deltas in channel 0";
    private static final String BIAS_ZERO = "count of positions with z > 0 when the bias is 0";
    private static final String PARAMETERS = "number of parameters with 4 kernels";
    private static final String FOUR_ACCURACY = "validation accuracy with 4 kernels";
    private static final String PREDICTION = "prediction for 40 steps";
    private static final String FIRST = "training accuracy of the first-value task";
    private static final String LAST = "training accuracy of the last-value task";

    private BeyondDenseExercises() {
    }

    /**
     * Exercise 1: in the edge network on the first digit, the number of positions of channel 0 with a
     * non-zero delta; and, with bias 0 instead of -0.4, the number of positions of channel 0 with z > 0.
     *
     * @param myNonZeroDeltas the learner's count with bias -0.4
     * @param myPositiveWithBiasZero the learner's count with bias 0
     * @return the verdict on both
     */
    public static Verdict edgeDeltas(Integer myNonZeroDeltas, Integer myPositiveWithBiasZero) {
        if (myNonZeroDeltas == null) {
            return Unanswered.ofNull(NON_ZERO);
        }
        if (myPositiveWithBiasZero == null) {
            return Unanswered.ofNull(BIAS_ZERO);
        }
        LayerTrace withBias = edgeConvolution(-0.4);
        int nonZero = count(channelZero(withBias.delta().row(0)), d -> d != 0);
        int positive = count(channelZero(withBias.z().row(0)), z -> z > 0);
        int positiveBiasZero = count(channelZero(edgeConvolution(0).z().row(0)), z -> z > 0);
        ExactCheck<Integer> deltas = ExactCheck.of(NON_ZERO, nonZero)
                .hint("Count the positions where delta is not 0 in the table of delta, channel 0 (0 and -0 are both 0); "
                        + "they are where the table of z is positive, because ReLU'(z) is 0 wherever z <= 0.")
                .mistake(36 - nonZero, "That counts the positions where delta is 0: count the others.");
        ExactCheck<Integer> biasZero = ExactCheck.of(BIAS_ZERO, positiveBiasZero)
                .hint("Build the edge network again with new double[] {0, 0} as the biases, trace it on the same digit "
                        + "and count the positive values of z in channel 0.")
                .whenRight("Without the -0.4, faint edges pass too: more positions are active, and each active position "
                        + "passes the error back (ReLU'(z) = 1 there).");
        if (positive != positiveBiasZero) {
            biasZero = biasZero.mistake(positive, "That is the count with bias -0.4: rebuild the network with bias 0.");
        }
        return Verdict.all(deltas.check(myNonZeroDeltas), biasZero.check(myPositiveWithBiasZero));
    }

    /**
     * Exercise 2: the conv net with 4 kernels instead of 8: its number of parameters, and its validation
     * accuracy after {@code digitTrainer.get()}.
     *
     * @param myParameters the learner's parameter count
     * @param myValidationAccuracy the learner's validation accuracy
     * @return the verdict on both
     */
    public static Verdict fourKernels(Integer myParameters, double myValidationAccuracy) {
        if (myParameters == null) {
            return Unanswered.ofNull(PARAMETERS);
        }
        if (Double.isNaN(myValidationAccuracy)) {
            return Unanswered.ofNaN(FOUR_ACCURACY);
        }
        Network four = FourKernels.NETWORK;
        int parameters = four.parameterCount();
        // 4 kernels of 3x3 and 4 biases; after pooling 4 maps of 4x4 = 64 values into 10 outputs
        int withEightKernelsOutput = 4 * 9 + 4 + 10 * 128 + 10;
        int withoutBiases = 4 * 9 + 10 * 64;
        ExactCheck<Integer> count = ExactCheck.of(PARAMETERS, parameters)
                .hint("Call parameterCount() on the 4-kernel network, or add up: each 3x3 kernel has 9 weights and a "
                        + "bias; max pooling leaves 4 maps of 4x4, and the output layer has a weight per value and "
                        + "output, and a bias per output.")
                .mistake(withEightKernelsOutput, "With 4 kernels the pooled maps hold 4 x 4 x 4 values, not 128: the "
                        + "output layer shrinks too.")
                .mistake(withoutBiases, "Count the biases too: one per kernel, one per output.")
                .mistake(1370, "That is the 8-kernel net: build it with conv2d(4, 3, Padding.SAME, Activations.relu()).");
        double validation = Evaluation.accuracy(four, DigitParts.VALIDATION);
        double test = Evaluation.accuracy(four, DigitParts.TEST);
        boolean aboutTheSame = Math.abs(validation - EIGHT_KERNELS_VALIDATION) < 0.005;
        String comparison = aboutTheSame ? "about as high as" : validation < EIGHT_KERNELS_VALIDATION ? "below" : "above";
        NumberCheck accuracy = NumberCheck.of(FOUR_ACCURACY, validation)
                .hint("Train the 4-kernel network with digitTrainer.get() and score it with "
                        + "Evaluation.accuracy(network, validation).")
                .whenRight("About half the parameters, and a validation accuracy " + comparison + " the 8-kernel net's "
                        + EIGHT_KERNELS_VALIDATION + (aboutTheSame ? ": on these small images 4 kernels do about as well, "
                        + "with fewer weights to overfit with." : "."));
        if (!same(test, validation)) {
            accuracy = accuracy.mistake(test, "That is the accuracy on the test part; experiments are scored on the "
                    + "validation part.");
        }
        return Verdict.all(count.check(myParameters), accuracy.check(myValidationAccuracy));
    }

    /**
     * Exercise 3, first part: the prediction that "was the last value positive?" is easier to learn
     * over 40 steps than "was the first value positive?".
     *
     * @param myLastIsEasier the learner's prediction
     * @return the verdict
     */
    public static Verdict longSequencesPrediction(Boolean myLastIsEasier) {
        if (myLastIsEasier == null) {
            return Unanswered.ofNull(PREDICTION);
        }
        boolean lastIsEasier = LongSequences.LAST > LongSequences.FIRST;
        return ExactCheck.of(PREDICTION, lastIsEasier)
                .hint("Where does the value that holds the answer enter, and how many steps must its error travel "
                        + "back to reach it? Look at the chart of ||delta_t||.")
                .whenRight("The last value enters at the last step, where the error is largest; the first value's "
                        + "error has to travel back through 39 steps that shrink it. Now train both.")
                .check(myLastIsEasier);
    }

    /**
     * Exercise 3, second part: the training accuracy after 100 epochs of {@code recurrentNet.apply(40)}
     * on {@code signAt.apply(40, 1)} and on {@code signAt.apply(40, 40)}.
     *
     * @param myFirstAccuracy the learner's accuracy for the first-value task
     * @param myLastAccuracy the learner's accuracy for the last-value task
     * @return the verdict on both
     */
    public static Verdict longSequences(double myFirstAccuracy, double myLastAccuracy) {
        if (Double.isNaN(myFirstAccuracy)) {
            return Unanswered.ofNaN(FIRST);
        }
        if (Double.isNaN(myLastAccuracy)) {
            return Unanswered.ofNaN(LAST);
        }
        String how = "Train recurrentNet.apply(40) with rnnTrainer.get() and read Evaluation.accuracy(network, data) "
                + "on the data it was trained on.";
        NumberCheck first = NumberCheck.of(FIRST, LongSequences.FIRST)
                .hint("Use signAt.apply(40, 1). " + how);
        NumberCheck last = NumberCheck.of(LAST, LongSequences.LAST)
                .hint("Use signAt.apply(40, 40). " + how)
                .whenRight("Over 40 steps the error that reaches the first value is tiny, and 100 epochs are not "
                        + "enough to find the answer in it; the last value sits right next to the output. Gated "
                        + "layers (LSTM, GRU) were invented for the first kind of task.");
        if (!same(LongSequences.FIRST, LongSequences.LAST)) {
            first = first.mistake(LongSequences.LAST, "That is the last-value task's accuracy: the first value is step 1.");
            last = last.mistake(LongSequences.FIRST, "That is the first-value task's accuracy: the last value is step 40.");
        }
        return Verdict.all(first.check(myFirstAccuracy), last.check(myLastAccuracy));
    }

    /** The edge network's convolution layer traced on the first digit, both biases set to {@code bias}. */
    static LayerTrace edgeConvolution(double bias) {
        Dataset digits = DigitParts.DIGITS;
        double[][][][] kernels = {
            {{{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}}},
            {{{-1, -1, -1}, {0, 0, 0}, {1, 1, 1}}}
        };
        Network edges = Network.builder(Shape.image(1, 8, 8))
                .conv2d(kernels, new double[] {bias, bias}, Padding.VALID, Activations.relu())
                .flatten()
                .dense(10, Activations.softmax())
                .seed(10)
                .build();
        double[] target = new double[10];
        target[digits.label(0)] = 1;
        return Backpropagation.trace(edges, Losses.crossEntropy(), new double[][] {digits.featureRow(0)},
                new double[][] {target}).layer(1);
    }

    /** Channel 0 of one sample's row of a 2 x 6 x 6 convolution output. */
    private static double[] channelZero(double[] row) {
        return Shape.image(2, 6, 6).channel(row, 0).toRowMajorArray();
    }

    private static int count(double[] values, java.util.function.DoublePredicate which) {
        int n = 0;
        for (double v : values) {
            if (which.test(v)) {
                n++;
            }
        }
        return n;
    }

    /** The notebook's three parts of the digits, in their stored order. */
    private static final class DigitParts {
        static final Dataset DIGITS = Datasets.digits();
        static final Dataset TRAIN = DIGITS.rows(IntStream.range(0, 1150).toArray());
        static final Dataset VALIDATION = DIGITS.rows(IntStream.range(1150, 1437).toArray());
        static final Dataset TEST = DIGITS.rows(IntStream.range(1437, 1797).toArray());
    }

    /** The conv net with 4 kernels, trained as the notebook's {@code digitTrainer.get()} trains. */
    private static final class FourKernels {
        static final Network NETWORK = train();

        private static Network train() {
            Network cnn = Network.builder(Shape.image(1, 8, 8))
                    .conv2d(4, 3, Padding.SAME, Activations.relu())
                    .maxPool(2)
                    .flatten()
                    .dense(10, Activations.softmax())
                    .seed(2)
                    .build();
            Trainer.builder().loss(Losses.crossEntropy()).optimizer(Optimizers.sgd(0.5)).epochs(40).batchSize(32)
                    .shuffle(2).validation(DigitParts.VALIDATION).earlyStopping(10).build()
                    .fit(cnn, DigitParts.TRAIN);
            return cnn;
        }
    }

    /** The training accuracies of the 40-step tasks after {@code rnnTrainer.get()}. */
    private static final class LongSequences {
        static final double FIRST = trainedAccuracy(40, 1);
        static final double LAST = trainedAccuracy(40, 40);

        private static double trainedAccuracy(int length, int step) {
            Dataset data = signAt(length, step);
            Network rnn = Network.builder(Shape.sequence(length, 1)).recurrent(8).dense(1, Activations.sigmoid())
                    .seed(14).build();
            Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.adam(0.02)).epochs(100)
                    .batchSize(50).shuffle(15).build().fit(rnn, data);
            return Evaluation.accuracy(rnn, data);
        }
    }

    /** The notebook's {@code signAt.apply(length, step)}: was the value at {@code step} (from 1) positive? */
    static Dataset signAt(int length, int step) {
        Random random = new SplitMix64(13);
        Dataset.Builder data = Dataset.builder(length, 1, 200);
        for (int n = 0; n < 200; n++) {
            double[] s = new double[length];
            for (int t = 0; t < length; t++) {
                s[t] = 2 * random.nextDouble() - 1;
            }
            data.add(s, new double[] {s[step - 1] > 0 ? 1 : 0});
        }
        return data.build();
    }

    /** Whether two values would be the same answer to a check (so one cannot be the other's mistake). */
    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
