package io.github.backprop.data;

import io.github.backprop.random.SplitMix64;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ready-made data sets, each one call away. XOR, iris and the 8x8 digits ship with the library
 * (see the README beside the CSV files for their origin and licence); moons, circles and spirals
 * are generated from a seed with {@link SplitMix64}, so the same seed gives the same points
 * everywhere. The bundled files as Tablesaw tables: {@link TableData#irisTable()} and
 * {@link TableData#digitsTable()}.
 */
public final class Datasets {
    private static final String RESOURCES = "/io/github/backprop/data/";

    private Datasets() {
    }

    /** XOR: inputs (0,0), (0,1), (1,0), (1,1) with targets 0, 1, 1, 0. */
    public static Dataset xor() {
        return Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}})
                .withNames(List.of("x0", "x1"), List.of());
    }

    /**
     * Fisher's iris as a dataset: 150 samples, 4 features (cm, unscaled), 3 classes named
     * setosa, versicolor, virginica, one-hot targets.
     */
    public static Dataset iris() {
        List<String> features = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        List<double[]> rows = new ArrayList<>();
        List<String> species = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("iris.csv"),
                StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (!(String.join(",", features) + ",species").equals(header)) {
                throw new IllegalStateException("the bundled iris.csv has an unexpected header: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(",", -1);
                if (fields.length != 5) {
                    throw new IllegalStateException("the bundled iris.csv is malformed at line " + (rows.size() + 2)
                            + ": expected four measurements and a species, got \"" + line + "\"");
                }
                double[] x = new double[4];
                for (int c = 0; c < 4; c++) {
                    x[c] = Double.parseDouble(fields[c]);
                }
                rows.add(x);
                species.add(fields[4]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled iris.csv", e);
        }
        // classes in order of first appearance, as TableData.label numbers them
        List<String> names = species.stream().distinct().toList();
        int[] labels = species.stream().mapToInt(names::indexOf).toArray();
        return Dataset.ofLabels(rows.toArray(new double[0][]), labels, names.size()).withNames(features, names);
    }

    /**
     * The 8x8 digits as a dataset: 1797 samples, 64 features x = pixel / 16 in [0, 1] (row by
     * row, row 0 at the top), 10 classes named "0".."9", one-hot targets.
     */
    public static Dataset digits() {
        int[][] rows = digitRows();
        int n = rows.length;
        double[][] x = new double[n][64];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 64; c++) {
                // x = pixel / 16
                x[r][c] = rows[r][c] / 16.0;
            }
            labels[r] = rows[r][64];
        }
        List<String> names = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            names.add(String.valueOf(k));
        }
        for (int c = 0; c < 64; c++) {
            features.add("p" + c);
        }
        return Dataset.ofLabels(x, labels, 10).withNames(features, names);
    }

    /**
     * The names of the four yes/no tags {@link #digitTags(int)} gives a digit, in order: "even",
     * "5 or more", "closed loop" (0, 6, 8 and 9 are drawn with a closed loop) and "prime" (2, 3, 5, 7).
     */
    public static final List<String> DIGIT_TAGS = List.of("even", "5 or more", "closed loop", "prime");

    /**
     * The four tags of a digit as 0/1 values, in the order of {@link #DIGIT_TAGS}: several can be 1
     * at once (6 is even, 5 or more, and has a closed loop), and none may be (1).
     *
     * @param digit 0 to 9
     * @return {even, 5 or more, closed loop, prime}, each 0 or 1
     */
    public static double[] digitTags(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a digit is 0 to 9, got " + digit);
        }
        boolean closedLoop = digit == 0 || digit == 6 || digit == 8 || digit == 9;
        boolean prime = digit == 2 || digit == 3 || digit == 5 || digit == 7;
        return new double[] {digit % 2 == 0 ? 1 : 0, digit >= 5 ? 1 : 0, closedLoop ? 1 : 0, prime ? 1 : 0};
    }

    /**
     * The same images with tags instead of labels: a multi-label dataset whose target row is
     * {@link #digitTags(int)} of each image's digit, for a network with one sigmoid output per tag.
     * The features are the same; the digit labels are not kept (a tag row is not one-hot).
     *
     * @param digits labelled digits, e.g. {@link #digits()} or a part of a split of it (not changed)
     * @return the images with their tags as targets, features named as in {@code digits}
     * @throws IllegalArgumentException if {@code digits} has no labels or not 10 classes
     */
    public static Dataset digitTags(Dataset digits) {
        if (!digits.hasLabels() || digits.classCount() != 10) {
            throw new IllegalArgumentException("digit tags need the digits' labels 0 to 9, got "
                    + (digits.hasLabels() ? digits.classCount() + " classes" : "a dataset without labels"));
        }
        double[][] tags = new double[digits.size()][];
        for (int r = 0; r < digits.size(); r++) {
            tags[r] = digitTags(digits.label(r));
        }
        return Dataset.of(digits.features(), tags).withNames(digits.featureNames(), List.of());
    }

    /**
     * The rows of the bundled digits.csv, 64 pixels and the label each, read by a plain loop: the
     * file's layout is known, and this is much faster than a general CSV reader that first guesses
     * the columns' types (and needs no such library).
     */
    private static int[][] digitRows() {
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("digits.csv"),
                StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("p0,p1,") || !header.endsWith(",p63,label")) {
                throw new IllegalStateException("the bundled digits.csv has an unexpected header: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(digitRow(line, rows.size() + 2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled digits.csv", e);
        }
        return rows.toArray(new int[0][]);
    }

    /** One line of digits.csv: 64 pixels in 0..16, then the label in 0..9 (package-private for tests). */
    static int[] digitRow(String line, int lineNumber) {
        int[] values = new int[65];
        int field = 0;
        int value = -1;
        for (int i = 0; i <= line.length(); i++) {
            char ch = i < line.length() ? line.charAt(i) : ',';
            if (ch >= '0' && ch <= '9' && value < 100) {
                value = (value < 0 ? 0 : value * 10) + (ch - '0');
            } else if (ch == ',' && value >= 0 && field < 65 && value <= (field < 64 ? 16 : 9)) {
                values[field++] = value;
                value = -1;
            } else {
                throw new IllegalStateException("the bundled digits.csv is malformed at line " + lineNumber
                        + ": expected 64 pixels in 0..16 and a label in 0..9, got \"" + line + "\"");
            }
        }
        if (field != 65) {
            throw new IllegalStateException("the bundled digits.csv has " + field + " values at line " + lineNumber
                    + ", expected 65");
        }
        return values;
    }

    /**
     * Two interleaving half circles: {@code n / 2} points on the upper arc (cos t, sin t), class 0,
     * and the rest on the lower arc (1 - cos t, 1/2 - sin t), class 1, for t evenly spaced in
     * [0, pi], plus Gaussian noise of standard deviation {@code noise} on both coordinates. A
     * single 0/1 target per point.
     *
     * @param n number of points, at least 2
     * @param noise standard deviation of the noise, at least 0
     * @param seed seed for the noise
     * @return the dataset, features x0 and x1 (counted from 0, as in the notebooks)
     */
    public static Dataset moons(int n, double noise, long seed) {
        checkGenerated(n, noise);
        Random random = new SplitMix64(seed);
        int upper = n / 2;
        int lower = n - upper;
        Dataset.Builder b = Dataset.builder(2, 1, n);
        for (int i = 0; i < upper; i++) {
            double t = upper == 1 ? 0 : Math.PI * i / (upper - 1);
            b.add(new double[] {Math.cos(t) + noise * random.nextGaussian(), Math.sin(t) + noise * random.nextGaussian()},
                    new double[] {0});
        }
        for (int i = 0; i < lower; i++) {
            double t = lower == 1 ? 0 : Math.PI * i / (lower - 1);
            b.add(new double[] {1 - Math.cos(t) + noise * random.nextGaussian(),
                    0.5 - Math.sin(t) + noise * random.nextGaussian()}, new double[] {1});
        }
        return b.build().withNames(List.of("x0", "x1"), List.of("upper", "lower"));
    }

    /**
     * Two concentric circles: {@code n / 2} points on the unit circle (class 0) and the rest on a
     * circle of radius {@code factor} (class 1), angles evenly spaced, plus Gaussian noise.
     *
     * @param n number of points, at least 2
     * @param noise standard deviation of the noise, at least 0
     * @param factor radius of the inner circle, in (0, 1)
     * @param seed seed for the noise
     * @return the dataset, features x0 and x1 (counted from 0, as in the notebooks), a single 0/1 target
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        checkGenerated(n, noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("the inner circle's radius factor must be in (0, 1), got " + factor);
        }
        Random random = new SplitMix64(seed);
        int outer = n / 2;
        Dataset.Builder b = Dataset.builder(2, 1, n);
        for (int i = 0; i < n; i++) {
            boolean inner = i >= outer;
            int count = inner ? n - outer : outer;
            int k = inner ? i - outer : i;
            double t = 2 * Math.PI * k / count;
            double r = inner ? factor : 1.0;
            b.add(new double[] {r * Math.cos(t) + noise * random.nextGaussian(), r * Math.sin(t) + noise * random.nextGaussian()},
                    new double[] {inner ? 1 : 0});
        }
        return b.build().withNames(List.of("x0", "x1"), List.of("outer", "inner"));
    }

    /**
     * Interleaved spiral arms, one per class: for class k and point i of m = n / classes, radius
     * r = i / (m - 1) and angle t = 4k + 4r (radians) plus Gaussian noise of standard deviation
     * {@code noise}, giving (r sin t, r cos t). One-hot targets.
     *
     * @param n number of points, at least 2 per class
     * @param classes number of arms, at least 2
     * @param noise standard deviation of the angle noise, at least 0
     * @param seed seed for the noise
     * @return the dataset, features x0 and x1 (counted from 0, as in the notebooks)
     */
    public static Dataset spirals(int n, int classes, double noise, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("spirals need at least 2 classes, got " + classes);
        }
        checkGenerated(n, noise);
        int m = n / classes;
        if (m < 2) {
            throw new IllegalArgumentException("spirals need at least 2 points per class, got " + n + " points for "
                    + classes + " classes");
        }
        Random random = new SplitMix64(seed);
        double[][] x = new double[m * classes][];
        int[] labels = new int[m * classes];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("arm " + k);
            for (int i = 0; i < m; i++) {
                double r = (double) i / (m - 1);
                double t = 4.0 * k + 4.0 * r + noise * random.nextGaussian();
                x[k * m + i] = new double[] {r * Math.sin(t), r * Math.cos(t)};
                labels[k * m + i] = k;
            }
        }
        return Dataset.ofLabels(x, labels, classes).withNames(List.of("x0", "x1"), names);
    }

    private static void checkGenerated(int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be 0 or a positive number, got " + noise);
        }
    }

    /** A CSV file bundled in the library jar (iris.csv, digits.csv). */
    static InputStream resource(String file) {
        InputStream in = Datasets.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException("the bundled data file " + file + " is missing from the library jar");
        }
        return in;
    }
}
