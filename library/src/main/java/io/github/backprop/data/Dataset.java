package io.github.backprop.data;

import io.github.backprop.internal.kernel.Kernels;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Samples x with targets y, immutable: what networks are trained and evaluated on.
 *
 * <p>Rows are samples. Features and targets are stored row by row; every accessor returns a copy,
 * and every factory copies its arguments, so a dataset never changes and never changes the
 * caller's arrays. A dataset for classification also knows each sample's class label (the index
 * of the 1 in a one-hot target, or the 0/1 of a single binary target) and, optionally, the class
 * names.
 *
 * <p>(Over 300 lines because it is one concept with a wide public API, factories, accessors,
 * subsets and batch copies, and its {@link Builder}, which notebooks name as {@code Dataset.Builder}
 * and so stays nested; finding class labels in targets is in {@code ClassLabels}.)
 */
public final class Dataset {
    private final int size;
    private final int featureCount;
    private final int targetCount;
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private final List<String> classNames;
    private final List<String> featureNames;

    private Dataset(int size, int featureCount, int targetCount, double[] x, double[] y, int[] labels,
                    List<String> classNames, List<String> featureNames) {
        this.size = size;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.x = x;
        this.y = y;
        this.labels = labels;
        this.classNames = classNames;
        this.featureNames = featureNames;
    }

    /**
     * Samples with targets. If every target row is one-hot (or a single 0/1 value), the dataset
     * is a classification dataset and knows its labels.
     *
     * @param x features, one row per sample; copied
     * @param y targets, one row per sample; copied
     * @return the dataset
     * @throws IllegalArgumentException for empty data, ragged rows, different sample counts or
     *     non-finite values
     */
    public static Dataset of(double[][] x, double[][] y) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x is empty: need at least one sample");
        }
        if (y == null || y.length != x.length) {
            throw new IllegalArgumentException("shape mismatch: " + x.length + " samples in x but "
                    + (y == null ? "no" : String.valueOf(y.length)) + " target rows in y");
        }
        checkFeatureWidth(x);
        Inputs.checkFeatures(x, x[0].length, "x");
        if (y[0] == null || y[0].length == 0) {
            throw new IllegalArgumentException("y row 0 is empty: need at least one target per sample");
        }
        Inputs.checkFeatures(y, y[0].length, "y");
        double[] fx = Matrix.of(x).toRowMajorArray();
        double[] fy = Matrix.of(y).toRowMajorArray();
        int[] labels = ClassLabels.infer(fy, y.length, y[0].length);
        return new Dataset(x.length, x[0].length, y[0].length, fx, fy, labels, List.of(), defaultNames(x[0].length));
    }

    /**
     * Samples with class labels; targets are the one-hot vectors (or, for two classes and
     * {@code oneHot == false}, a single 0/1 target).
     *
     * @param x features, one row per sample; copied
     * @param labels class index per sample, from 0 to classCount - 1; copied
     * @param classCount number of classes, at least 2
     * @return the dataset, with one-hot targets of width classCount
     */
    public static Dataset ofLabels(double[][] x, int[] labels, int classCount) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x is empty: need at least one sample");
        }
        if (labels == null || labels.length != x.length) {
            throw new IllegalArgumentException("shape mismatch: " + x.length + " samples in x but "
                    + (labels == null ? "no" : String.valueOf(labels.length)) + " labels");
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + classCount);
        }
        checkFeatureWidth(x);
        Inputs.checkFeatures(x, x[0].length, "x");
        double[] fy = new double[x.length * classCount];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classCount) {
                throw new IllegalArgumentException("label " + labels[r] + " at row " + r + " is out of range: classes are 0 to "
                        + (classCount - 1));
            }
            fy[r * classCount + labels[r]] = 1.0;
        }
        return new Dataset(x.length, x[0].length, classCount, Matrix.of(x).toRowMajorArray(), fy, labels.clone(), List.of(),
                defaultNames(x[0].length));
    }

    /**
     * The same samples with names for the features (e.g. column names) and, for classification,
     * for the classes.
     *
     * @param featureNames one per feature
     * @param classNames one per class (empty to keep none)
     * @return a new dataset
     */
    public Dataset withNames(List<String> featureNames, List<String> classNames) {
        if (featureNames.size() != featureCount) {
            throw new IllegalArgumentException("shape mismatch: " + featureNames.size() + " feature names for "
                    + featureCount + " features");
        }
        if (!classNames.isEmpty() && (labels == null || classNames.size() != classCount())) {
            throw new IllegalArgumentException(labels == null
                    ? "class names given, but this dataset has no class labels"
                    : "shape mismatch: " + classNames.size() + " class names for " + classCount() + " classes");
        }
        return new Dataset(size, featureCount, targetCount, x, y, labels, List.copyOf(classNames), List.copyOf(featureNames));
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Features per sample. */
    public int featureCount() {
        return featureCount;
    }

    /** Targets per sample (the network's output size). */
    public int targetCount() {
        return targetCount;
    }

    /** Feature {@code col} of sample {@code row}. */
    public double feature(int row, int col) {
        check(row, col, featureCount, "feature");
        return x[row * featureCount + col];
    }

    /** Target {@code col} of sample {@code row}. */
    public double target(int row, int col) {
        check(row, col, targetCount, "target");
        return y[row * targetCount + col];
    }

    /** A copy of the features, one row per sample. */
    public double[][] features() {
        return unflatten(x, size, featureCount);
    }

    /** A copy of the targets, one row per sample. */
    public double[][] targets() {
        return unflatten(y, size, targetCount);
    }

    /** A copy of sample {@code row}'s features. */
    public double[] featureRow(int row) {
        check(row, 0, featureCount, "feature");
        return Arrays.copyOfRange(x, row * featureCount, (row + 1) * featureCount);
    }

    /** A copy of sample {@code row}'s targets. */
    public double[] targetRow(int row) {
        check(row, 0, targetCount, "target");
        return Arrays.copyOfRange(y, row * targetCount, (row + 1) * targetCount);
    }

    /** True if every sample has a class label (one-hot or binary targets). */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * A copy of the class labels.
     *
     * @throws IllegalStateException if the targets are not class labels
     */
    public int[] labels() {
        requireLabels();
        return labels.clone();
    }

    /** The class label of sample {@code row}. */
    public int label(int row) {
        requireLabels();
        return labels[row];
    }

    /** Number of classes: 2 for a single binary target, else the target width. */
    public int classCount() {
        requireLabels();
        return targetCount == 1 ? 2 : targetCount;
    }

    /** Class names, or an empty list if none were given. */
    public List<String> classNames() {
        return classNames;
    }

    /** Feature names (x0, x1, ... unless given). */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * The samples at the given rows, in that order.
     *
     * @param rows row indices (may repeat); copied
     * @return a new dataset
     */
    public Dataset rows(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a subset needs at least one row");
        }
        double[] sx = new double[rows.length * featureCount];
        double[] sy = new double[rows.length * targetCount];
        copyRows(rows, 0, rows.length, sx, sy);
        int[] sl = null;
        if (labels != null) {
            sl = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sl[i] = labels[rows[i]];
            }
        }
        return new Dataset(rows.length, featureCount, targetCount, sx, sy, sl, classNames, featureNames);
    }

    /**
     * Copies the features and targets of rows {@code order[from .. from+count)} into {@code xOut}
     * and {@code yOut}, row-major from index 0. Used by training to assemble a mini-batch.
     *
     * @param order row indices; read
     * @param from first position in {@code order}
     * @param count how many rows
     * @param xOut features (count x featureCount), overwritten
     * @param yOut targets (count x targetCount), overwritten
     */
    public void copyRows(int[] order, int from, int count, double[] xOut, double[] yOut) {
        // every row is checked before any is copied: a bad index leaves xOut and yOut as they were
        checkRows(order, from, count);
        for (int i = 0; i < count; i++) {
            int r = order[from + i];
            System.arraycopy(x, r * featureCount, xOut, i * featureCount, featureCount);
            System.arraycopy(y, r * targetCount, yOut, i * targetCount, targetCount);
        }
    }

    /**
     * Copies rows {@code from .. from+count)} in stored order (a mini-batch without shuffling).
     *
     * @param from first row
     * @param count how many rows
     * @param xOut features (count x featureCount), overwritten
     * @param yOut targets (count x targetCount), overwritten
     */
    public void copyRows(int from, int count, double[] xOut, double[] yOut) {
        checkRows(null, from, count);
        // a large batch is copied by all threads at once: it mostly comes from main memory
        Kernels.chosen().copy(x, from * featureCount, xOut, 0, count * featureCount);
        System.arraycopy(y, from * targetCount, yOut, 0, count * targetCount);
    }

    /**
     * Copies sample {@code row}'s features and targets into two arrays at the given positions, without
     * allocating (as {@link #featureRow} and {@link #targetRow} do): for assembling a mini-batch row by row.
     *
     * @param row the sample
     * @param xOut features, written from {@code xPos} (featureCount values)
     * @param xPos where the features go
     * @param yOut targets, written from {@code yPos} (targetCount values)
     * @param yPos where the targets go
     * @throws IndexOutOfBoundsException if the row is outside the dataset, or the values do not fit
     */
    public void copyRow(int row, double[] xOut, int xPos, double[] yOut, int yPos) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " is outside a dataset of " + size + " samples");
        }
        System.arraycopy(x, row * featureCount, xOut, xPos, featureCount);
        System.arraycopy(y, row * targetCount, yOut, yPos, targetCount);
    }

    private void checkRows(int[] order, int from, int count) {
        if (order == null) {
            if (from < 0 || count < 0 || from + count > size) {
                throw new IndexOutOfBoundsException("rows " + from + " to " + (from + count)
                        + " are outside a dataset of " + size + " samples");
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int r = order[from + i];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("row " + r + " is outside a dataset of " + size + " samples");
            }
        }
    }

    @Override
    public String toString() {
        return "Dataset(" + size + " samples, " + featureCount + " features, " + targetCount + " targets"
                + (labels != null ? ", " + classCount() + " classes" : "") + ")";
    }

    /**
     * Builds a dataset row by row without holding a second copy of the data.
     *
     * @param featureCount features per sample
     * @param targetCount targets per sample
     * @param expectedRows a capacity hint
     * @return a builder
     */
    public static Builder builder(int featureCount, int targetCount, int expectedRows) {
        return new Builder(featureCount, targetCount, expectedRows);
    }

    /**
     * Adds rows one at a time; {@link #build()} checks and freezes them. A builder is filled by one
     * thread; the data set it builds never changes and may be shared by any.
     */
    public static final class Builder {
        private final int featureCount;
        private final int targetCount;
        private double[] x;
        private double[] y;
        private int rows;

        private Builder(int featureCount, int targetCount, int expectedRows) {
            if (featureCount <= 0 || targetCount <= 0) {
                throw new IllegalArgumentException("need at least one feature and one target, got " + featureCount
                        + " and " + targetCount);
            }
            this.featureCount = featureCount;
            this.targetCount = targetCount;
            int cap = Math.max(1, expectedRows);
            x = new double[cap * featureCount];
            y = new double[cap * targetCount];
        }

        /**
         * Appends one sample (copied).
         *
         * @param features its features
         * @param targets its targets
         * @return this builder
         */
        public Builder add(double[] features, double[] targets) {
            if (features.length != featureCount || targets.length != targetCount) {
                throw new IllegalArgumentException("shape mismatch at row " + rows + ": got " + features.length
                        + " features and " + targets.length + " targets, expected " + featureCount + " and " + targetCount);
            }
            if ((rows + 1) * featureCount > x.length) {
                int cap = Math.max(rows + 1, rows * 2);
                x = Arrays.copyOf(x, cap * featureCount);
                y = Arrays.copyOf(y, cap * targetCount);
            }
            for (int c = 0; c < featureCount; c++) {
                if (!Double.isFinite(features[c])) {
                    throw new IllegalArgumentException("x has a non-finite value " + features[c] + " at row " + rows
                            + ", column " + c);
                }
            }
            for (int c = 0; c < targetCount; c++) {
                if (!Double.isFinite(targets[c])) {
                    throw new IllegalArgumentException("y has a non-finite value " + targets[c] + " at row " + rows
                            + ", column " + c);
                }
            }
            System.arraycopy(features, 0, x, rows * featureCount, featureCount);
            System.arraycopy(targets, 0, y, rows * targetCount, targetCount);
            rows++;
            return this;
        }

        /** The dataset (the builder must not be used afterwards). */
        public Dataset build() {
            if (rows == 0) {
                throw new IllegalArgumentException("the dataset is empty: add at least one sample");
            }
            double[] fx = x.length == rows * featureCount ? x : Arrays.copyOf(x, rows * featureCount);
            double[] fy = y.length == rows * targetCount ? y : Arrays.copyOf(y, rows * targetCount);
            x = null;
            y = null;
            return new Dataset(rows, featureCount, targetCount, fx, fy, ClassLabels.infer(fy, rows, targetCount), List.of(),
                    defaultNames(featureCount));
        }
    }

    /** Row 0 sets the width every other row is checked against, so it must have features. */
    private static void checkFeatureWidth(double[][] x) {
        if (x[0] == null) {
            throw new IllegalArgumentException("x row 0 is null");
        }
        if (x[0].length == 0) {
            throw new IllegalArgumentException("x row 0 is empty: need at least one feature per sample");
        }
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException("this dataset has no class labels: its targets are not one-hot or 0/1");
        }
    }

    private void check(int row, int col, int width, String what) {
        if (row < 0 || row >= size || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException(what + " (" + row + ", " + col + ") is outside " + size + " x " + width);
        }
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return Collections.unmodifiableList(names);
    }

    private static double[][] unflatten(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return m;
    }
}
