package io.github.backprop.eval;

import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.data.Dataset;
import io.github.backprop.loss.Loss;
import io.github.backprop.nn.Inputs;
import io.github.backprop.nn.Network;

import java.util.Arrays;

/**
 * Predictions, loss, accuracy and confusion matrices. Nothing here changes the network or the data.
 *
 * <p>The predicted class of an output a is the index of its largest value (the first one on a
 * tie); for a single output it is 1 if a &gt;= 0.5, else 0.
 */
public final class Evaluation {
    private static final int CHUNK = 256;

    private Evaluation() {
    }

    /**
     * The predicted class of one output row.
     *
     * @param output the network's output for one sample
     * @return its class index
     * @throws IllegalArgumentException if the output is empty or holds a NaN (no class can be read
     *     from it), naming the problem
     */
    public static int predictedClass(double[] output) {
        if (output == null || output.length == 0) {
            throw new IllegalArgumentException("an empty output has no predicted class: give the network's output for"
                    + " one sample, e.g. network.predict(x)");
        }
        for (int k = 0; k < output.length; k++) {
            if (Double.isNaN(output[k])) {
                throw new IllegalArgumentException("output " + k + " is NaN, so no class can be read from "
                        + Arrays.toString(output) + " (do the network's weights hold NaN?)");
            }
        }
        return predictedClass(output, 0, output.length);
    }

    static int predictedClass(double[] a, int offset, int cols) {
        if (cols == 1) {
            return a[offset] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < cols; k++) {
            if (a[offset + k] > a[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The predicted class of every sample.
     *
     * @param network the network
     * @param x samples, one per row; not modified
     * @return one class index per sample
     */
    public static int[] predictClasses(Network network, double[][] x) {
        double[][] out = network.predict(x);
        int[] classes = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            classes[i] = predictedClass(out[i]);
        }
        return classes;
    }

    /**
     * Loss and accuracy of the network on a dataset, in one forward pass.
     *
     * @param network the network
     * @param loss the loss L
     * @param data the samples and targets
     * @return the mean loss and, for labelled data, the accuracy
     */
    public static Score score(Network network, Loss loss, Dataset data) {
        checkShapes(network, data);
        int chunk = Math.min(CHUNK, data.size());
        Backpropagation bp = new Backpropagation(network, chunk);
        double[] x = new double[chunk * data.featureCount()];
        double[] y = new double[chunk * data.targetCount()];
        int cols = network.outputSize();
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < data.size(); from += chunk) {
            int rows = Math.min(chunk, data.size() - from);
            data.copyRows(from, rows, x, y);
            bp.forward(x, 0, rows);
            lossSum += bp.loss(y, loss) * rows;
            if (data.hasLabels()) {
                double[] a = bp.output();
                for (int r = 0; r < rows; r++) {
                    if (predictedClass(a, r * cols, cols) == data.label(from + r)) {
                        correct++;
                    }
                }
            }
        }
        double accuracy = data.hasLabels() ? (double) correct / data.size() : Double.NaN;
        return new Score(lossSum / data.size(), accuracy, correct, data.size());
    }

    /**
     * The fraction of samples classified correctly.
     *
     * @param network the network
     * @param data labelled samples
     * @return accuracy in [0, 1]
     * @throws IllegalArgumentException if the dataset has no class labels
     */
    public static double accuracy(Network network, Dataset data) {
        requireLabels(data);
        return ConfusionMatrix.of(network, data).accuracy();
    }

    static void checkShapes(Network network, Dataset data) {
        if (data.featureCount() != network.inputSize()) {
            throw new IllegalArgumentException("shape mismatch: the network takes " + network.inputSize()
                    + " inputs" + Inputs.layout(network.inputShape()) + " but the data has " + data.featureCount()
                    + " features");
        }
        if (data.targetCount() != network.outputSize()) {
            throw new IllegalArgumentException("shape mismatch: the network has " + network.outputSize()
                    + " outputs but the data has " + data.targetCount() + " targets per sample");
        }
    }

    static void requireLabels(Dataset data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("accuracy needs class labels, but the targets of " + data
                    + " are not one-hot or 0/1");
        }
    }
}
