package io.github.backprop.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Feature scaling, fitted on training data only and then applied to any data:
 * standardisation x' = (x - mean) / std, or min-max x' = (x - min) / (max - min).
 * A feature that is constant in the training data is only shifted (its scale is taken as 1), so no
 * NaN appears. Test data may fall outside the training range; that is expected.
 *
 * <pre>{@code
 * Scaler scaler = Scaler.standardize().fit(split.train());
 * Dataset train = scaler.transform(split.train());
 * Dataset test = scaler.transform(split.test());
 * }</pre>
 */
public final class Scaler {

    /** How features are scaled. */
    public enum Method {
        /** (x - mean) / standard deviation. */
        STANDARDIZE,
        /** (x - min) / (max - min). */
        MIN_MAX
    }

    private final Method method;
    private final double[] shift;
    private final double[] scale;
    private final List<String> featureNames;

    private Scaler(Method method, double[] shift, double[] scale, List<String> featureNames) {
        this.method = method;
        this.shift = shift;
        this.scale = scale;
        this.featureNames = featureNames;
    }

    /** An unfitted standardising scaler; call {@link #fit(Dataset)}. */
    public static Scaler standardize() {
        return new Scaler(Method.STANDARDIZE, null, null, List.of());
    }

    /** An unfitted min-max scaler; call {@link #fit(Dataset)}. */
    public static Scaler minMax() {
        return new Scaler(Method.MIN_MAX, null, null, List.of());
    }

    /**
     * Learns the shift and scale of every feature from this data.
     *
     * @param training the data to fit on (usually the training part only)
     * @return a fitted scaler (this one is unchanged)
     * @throws IllegalArgumentException if a feature's values are too far apart for its shift and scale
     *     to be finite doubles (e.g. -1e308 and 1e308), naming the feature
     */
    public Scaler fit(Dataset training) {
        int d = training.featureCount();
        double[] shift = new double[d];
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int r = 0; r < training.size(); r++) {
                double v = training.feature(r, c);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            double mean = sum / training.size();
            if (method == Method.STANDARDIZE) {
                double ss = 0;
                for (int r = 0; r < training.size(); r++) {
                    double diff = training.feature(r, c) - mean;
                    ss += diff * diff;
                }
                shift[c] = mean;
                scale[c] = Math.sqrt(ss / training.size());
            } else {
                shift[c] = min;
                scale[c] = max - min;
            }
            if (scale[c] == 0) {
                scale[c] = 1;
            }
            if (!Double.isFinite(shift[c]) || !Double.isFinite(scale[c])) {
                throw new IllegalArgumentException("feature " + featureName(training.featureNames(), c)
                        + " cannot be scaled: with values from " + min + " to " + max + " its "
                        + (method == Method.STANDARDIZE ? "mean and standard deviation come out as " + shift[c]
                        + " and " + scale[c] : "range comes out as " + scale[c])
                        + " in double precision; divide the column by a large power of 10 first");
            }
        }
        return new Scaler(method, shift, scale, training.featureNames());
    }

    /** True once fitted. */
    public boolean isFitted() {
        return shift != null;
    }

    /** STANDARDIZE or MIN_MAX. */
    public Method method() {
        return method;
    }

    /** A copy of what is subtracted from each feature (mean or min). */
    public double[] shift() {
        requireFitted();
        return shift.clone();
    }

    /** A copy of what each feature is divided by (standard deviation or range; 1 for a constant feature). */
    public double[] scale() {
        requireFitted();
        return scale.clone();
    }

    /**
     * Applies the fitted scaling to a dataset.
     *
     * @param data data with the same number of features as the fitted data (not modified)
     * @return a new dataset with scaled features and the same targets, labels and names
     * @throws IllegalArgumentException if a scaled value would overflow, naming the feature and row
     */
    public Dataset transform(Dataset data) {
        requireFitted();
        if (data.featureCount() != shift.length) {
            throw new IllegalArgumentException("shape mismatch: the scaler was fitted on " + shift.length
                    + " features but the data has " + data.featureCount());
        }
        double[][] x = data.features();
        for (int r = 0; r < x.length; r++) {
            double[] row = x[r];
            for (int c = 0; c < row.length; c++) {
                double value = row[c];
                // x' = (x - shift) / scale
                row[c] = (value - shift[c]) / scale[c];
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException("feature " + featureName(data.featureNames(), c) + " at row "
                            + r + " is " + value + ", too far from the fitted " + (method == Method.STANDARDIZE
                            ? "mean " : "min ") + shift[c] + " to scale in double precision: (x - shift) / scale"
                            + " overflows");
                }
            }
        }
        return Dataset.of(x, data.targets()).withNames(data.featureNames(), data.classNames());
    }

    /** "2 ('petal_width')" with a name, else "2". */
    private static String featureName(List<String> names, int c) {
        return c < names.size() ? c + " ('" + names.get(c) + "')" : String.valueOf(c);
    }

    private void requireFitted() {
        if (shift == null) {
            throw new IllegalStateException("this scaler is not fitted yet: call fit(trainingData) first");
        }
    }

    @Override
    public String toString() {
        if (shift == null) {
            return "Scaler(" + method + ", not fitted)";
        }
        StringBuilder sb = new StringBuilder("Scaler(" + method + ")");
        for (int c = 0; c < shift.length; c++) {
            String name = c < featureNames.size() ? featureNames.get(c) : "x" + c;
            sb.append(String.format(Locale.ROOT, "%n  %s: %s %.4f, %s %.4f", name,
                    method == Method.STANDARDIZE ? "mean" : "min", shift[c],
                    method == Method.STANDARDIZE ? "std" : "range", scale[c]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaler s && s.method == method && Arrays.equals(s.shift, shift) && Arrays.equals(s.scale, scale);
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + Arrays.hashCode(shift);
    }
}
