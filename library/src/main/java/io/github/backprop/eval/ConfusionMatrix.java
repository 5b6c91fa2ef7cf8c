package io.github.backprop.eval;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: {@code count(t, p)} samples of class t were
 * predicted as p. The diagonal holds the correct predictions.
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(int[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /**
     * Builds the matrix from true and predicted labels.
     *
     * @param actual true class per sample
     * @param predicted predicted class per sample
     * @param classCount number of classes
     * @param classNames names for the classes, or an empty list for "0", "1", ...
     * @return the confusion matrix
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classCount, List<String> classNames) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("shape mismatch: " + actual.length + " true labels but "
                    + predicted.length + " predictions");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one sample");
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, got " + classCount);
        }
        List<String> names = classNames.isEmpty() ? defaultNames(classCount) : List.copyOf(classNames);
        if (names.size() != classCount) {
            throw new IllegalArgumentException("shape mismatch: " + names.size() + " class names for " + classCount + " classes");
        }
        int[][] counts = new int[classCount][classCount];
        for (int i = 0; i < actual.length; i++) {
            for (int label : new int[] {actual[i], predicted[i]}) {
                if (label < 0 || label >= classCount) {
                    throw new IllegalArgumentException("label " + label + " at sample " + i + " is out of range: classes are 0 to "
                            + (classCount - 1));
                }
            }
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, names);
    }

    /**
     * The confusion matrix of a network on labelled data.
     *
     * @param network the network
     * @param data labelled samples
     * @return the confusion matrix
     */
    public static ConfusionMatrix of(Network network, Dataset data) {
        Evaluation.checkShapes(network, data);
        Evaluation.requireLabels(data);
        int[] predicted = Evaluation.predictClasses(network, data.features());
        return of(data.labels(), predicted, data.classCount(), data.classNames());
    }

    /** Number of classes. */
    public int classCount() {
        return counts.length;
    }

    /** The class names (0, 1, ... unless named). */
    public List<String> classNames() {
        return classNames;
    }

    /** How many samples of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, rows = true class, columns = predicted class. */
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /** Number of samples. */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Number of correct predictions (the diagonal). */
    public int correct() {
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i][i];
        }
        return n;
    }

    /** correct / total. */
    public double accuracy() {
        return (double) correct() / total();
    }

    /**
     * Precision of class c: of the samples predicted as c, the fraction that really are c,
     * count(c, c) / sum_t count(t, c). 0 when no sample was predicted as c (as scikit-learn reports it).
     */
    public double precision(int c) {
        checkClass(c);
        int predictedAsC = 0;
        for (int[] row : counts) {
            predictedAsC += row[c];
        }
        return predictedAsC == 0 ? 0 : (double) counts[c][c] / predictedAsC;
    }

    /**
     * Recall of class c: of the samples that are c, the fraction predicted as c,
     * count(c, c) / sum_p count(c, p). 0 when no sample is of class c.
     */
    public double recall(int c) {
        checkClass(c);
        int actualC = 0;
        for (int v : counts[c]) {
            actualC += v;
        }
        return actualC == 0 ? 0 : (double) counts[c][c] / actualC;
    }

    /**
     * F1 score of class c, the harmonic mean of precision and recall: 2 P R / (P + R); 0 when both are 0.
     */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of the classes' F1 scores (macro average): every class counts the same, however rare. */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += f1(c);
        }
        return sum / counts.length;
    }

    /** How many samples are of class c (the row sum), the "support" of the class. */
    public int support(int c) {
        checkClass(c);
        int n = 0;
        for (int v : counts[c]) {
            n += v;
        }
        return n;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= counts.length) {
            throw new IllegalArgumentException("class " + c + " is out of range: classes are 0 to " + (counts.length - 1));
        }
    }

    /** A text table, true classes as rows and predictions as columns. */
    @Override
    public String toString() {
        int width = 5;
        for (String n : classNames) {
            width = Math.max(width, n.length() + 1);
        }
        StringBuilder sb = new StringBuilder(String.format("%" + width + "s", "true\\pred"));
        for (String n : classNames) {
            sb.append(String.format("%" + width + "s", n));
        }
        for (int i = 0; i < counts.length; i++) {
            sb.append('\n').append(String.format("%" + width + "s", classNames.get(i)));
            for (int v : counts[i]) {
                sb.append(String.format("%" + width + "d", v));
            }
        }
        return sb.toString();
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }
}
