package io.github.backprop.data;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A dataset")
class DatasetTest {
    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] ONE_HOT = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}};

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Nested
    @DisplayName("made with of(x, y)")
    class Of {

        @Test
        @DisplayName("keeps its shape and values")
        void shape() {
            Dataset d = Dataset.of(X, ONE_HOT);
            assertEquals(4, d.size());
            assertEquals(2, d.featureCount());
            assertEquals(3, d.targetCount());
            assertEquals(1.0, d.feature(2, 0));
            assertEquals(1.0, d.target(3, 1));
            assertArrayEquals(X, d.features());
            assertArrayEquals(ONE_HOT, d.targets());
            assertEquals(List.of("x0", "x1"), d.featureNames());
        }

        @Test
        @DisplayName("does not modify the caller's arrays")
        void leavesCallerArraysUnchanged() {
            double[][] x = {{3, 1}, {2, 7}};
            double[][] y = {{0, 1}, {1, 0}};
            Dataset.of(x, y);
            assertArrayEquals(new double[][] {{3, 1}, {2, 7}}, x);
            assertArrayEquals(new double[][] {{0, 1}, {1, 0}}, y);
        }

        @Test
        @DisplayName("copies its arguments, so later changes to them do not reach the dataset")
        void copies() {
            double[][] x = {{3, 1}, {2, 7}};
            double[][] y = {{0.5}, {0.25}};
            Dataset d = Dataset.of(x, y);
            x[0][0] = 99;
            y[1][0] = 99;
            assertEquals(3.0, d.feature(0, 0));
            assertEquals(0.25, d.target(1, 0));
        }

        @Test
        @DisplayName("hands out copies, so changing them does not change the dataset")
        void handsOutCopies() {
            Dataset d = Dataset.of(X, ONE_HOT);
            d.features()[0][0] = 99;
            d.targets()[0][0] = 99;
            d.featureRow(1)[0] = 99;
            d.targetRow(1)[0] = 99;
            d.labels()[0] = 2;
            assertArrayEquals(X, d.features());
            assertArrayEquals(ONE_HOT, d.targets());
            assertEquals(0, d.label(0));
        }

        @Test
        @DisplayName("knows the class labels of one-hot targets")
        void oneHotLabels() {
            Dataset d = Dataset.of(X, ONE_HOT);
            assertTrue(d.hasLabels());
            assertArrayEquals(new int[] {0, 1, 2, 1}, d.labels());
            assertEquals(3, d.classCount());
        }

        @Test
        @DisplayName("knows the class labels of single 0/1 targets, with two classes")
        void binaryLabels() {
            Dataset d = Dataset.of(X, new double[][] {{0}, {1}, {1}, {0}});
            assertArrayEquals(new int[] {0, 1, 1, 0}, d.labels());
            assertEquals(2, d.classCount());
        }

        @Test
        @DisplayName("has no labels for regression targets, and says so when asked for them")
        void regression() {
            Dataset d = Dataset.of(X, new double[][] {{0.5}, {1}, {1}, {0}});
            assertFalse(d.hasLabels());
            IllegalStateException e = assertThrows(IllegalStateException.class, d::labels);
            assertTrue(e.getMessage().contains("no class labels"), e::getMessage);
        }

        @Test
        @DisplayName("rejects empty data")
        void empty() {
            assertEquals("x is empty: need at least one sample", message(() -> Dataset.of(new double[0][], new double[0][])));
            assertEquals("x is empty: need at least one sample", message(() -> Dataset.of(null, null)));
        }

        @Test
        @DisplayName("rejects a different number of samples and target rows, naming both")
        void rowCounts() {
            assertEquals("shape mismatch: 4 samples in x but 3 target rows in y",
                    message(() -> Dataset.of(X, new double[][] {{1}, {0}, {1}})));
        }

        @Test
        @DisplayName("rejects a ragged row, naming the row and both lengths")
        void ragged() {
            assertEquals("shape mismatch: x row 2 has 3 values, expected 2",
                    message(() -> Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0, 5}}, new double[][] {{0}, {1}, {1}})));
            assertEquals("shape mismatch: y row 1 has 2 values, expected 1",
                    message(() -> Dataset.of(new double[][] {{0}, {1}}, new double[][] {{0}, {1, 0}})));
        }

        @Test
        @DisplayName("rejects a NaN feature, naming the row and column")
        void nanFeature() {
            assertEquals("x has a non-finite value NaN at row 1, column 0",
                    message(() -> Dataset.of(new double[][] {{0, 0}, {Double.NaN, 1}}, new double[][] {{0}, {1}})));
        }

        @Test
        @DisplayName("rejects an infinite target, naming the row and column")
        void infiniteTarget() {
            assertEquals("y has a non-finite value Infinity at row 0, column 0",
                    message(() -> Dataset.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{Double.POSITIVE_INFINITY}, {1}})));
        }

        @Test
        @DisplayName("rejects samples without features, and a missing first row")
        void noFeatures() {
            assertEquals("x row 0 is empty: need at least one feature per sample",
                    message(() -> Dataset.of(new double[][] {{}}, new double[][] {{1}})));
            assertEquals("x row 0 is null", message(() -> Dataset.of(new double[][] {null}, new double[][] {{1}})));
            assertEquals("x row 0 is empty: need at least one feature per sample",
                    message(() -> Dataset.ofLabels(new double[][] {{}}, new int[] {0}, 2)));
        }

        @Test
        @DisplayName("rejects samples without targets")
        void noTargets() {
            assertEquals("y row 0 is empty: need at least one target per sample",
                    message(() -> Dataset.of(new double[][] {{0, 0}}, new double[][] {{}})));
        }
    }

    @Nested
    @DisplayName("made with ofLabels(x, labels, classCount)")
    class OfLabels {

        @Test
        @DisplayName("has one-hot targets and the given labels")
        void oneHot() {
            Dataset d = Dataset.ofLabels(X, new int[] {0, 1, 2, 1}, 3);
            assertArrayEquals(ONE_HOT, d.targets());
            assertArrayEquals(new int[] {0, 1, 2, 1}, d.labels());
        }

        @Test
        @DisplayName("does not modify or keep the caller's label array")
        void copiesLabels() {
            int[] labels = {0, 1, 2, 1};
            Dataset d = Dataset.ofLabels(X, labels, 3);
            assertArrayEquals(new int[] {0, 1, 2, 1}, labels);
            labels[0] = 2;
            assertEquals(0, d.label(0));
        }

        @Test
        @DisplayName("rejects a label out of range, naming it, its row and the valid range")
        void labelOutOfRange() {
            assertEquals("label 3 at row 1 is out of range: classes are 0 to 2",
                    message(() -> Dataset.ofLabels(X, new int[] {0, 3, 1, 1}, 3)));
            assertEquals("label -1 at row 0 is out of range: classes are 0 to 2",
                    message(() -> Dataset.ofLabels(X, new int[] {-1, 0, 1, 1}, 3)));
        }

        @Test
        @DisplayName("rejects fewer labels than samples, and fewer than two classes")
        void shapes() {
            assertEquals("shape mismatch: 4 samples in x but 2 labels", message(() -> Dataset.ofLabels(X, new int[] {0, 1}, 2)));
            assertEquals("classification needs at least 2 classes, got 1", message(() -> Dataset.ofLabels(X, new int[4], 1)));
        }
    }

    @Nested
    @DisplayName("made with a builder")
    class Built {

        @Test
        @DisplayName("holds the rows in the order they were added, growing past the capacity hint")
        void addsRows() {
            Dataset.Builder b = Dataset.builder(2, 1, 1);
            for (int i = 0; i < 5; i++) {
                b.add(new double[] {i, -i}, new double[] {i % 2});
            }
            Dataset d = b.build();
            assertEquals(5, d.size());
            assertArrayEquals(new double[] {3, -3}, d.featureRow(3));
            assertArrayEquals(new int[] {0, 1, 0, 1, 0}, d.labels());
        }

        @Test
        @DisplayName("rejects a row of the wrong width, a NaN value and an empty build")
        void rejects() {
            assertEquals("shape mismatch at row 0: got 3 features and 1 targets, expected 2 and 1",
                    message(() -> Dataset.builder(2, 1, 4).add(new double[3], new double[1])));
            assertEquals("x has a non-finite value NaN at row 0, column 1",
                    message(() -> Dataset.builder(2, 1, 4).add(new double[] {0, Double.NaN}, new double[1])));
            assertEquals("the dataset is empty: add at least one sample", message(() -> Dataset.builder(2, 1, 4).build()));
        }
    }

    @Nested
    @DisplayName("subsets and names")
    class Subsets {

        @Test
        @DisplayName("rows(...) takes the samples at the given rows, in that order, with their labels")
        void rows() {
            Dataset d = Dataset.of(X, ONE_HOT).rows(new int[] {3, 0, 3});
            assertEquals(3, d.size());
            assertArrayEquals(new double[][] {{1, 1}, {0, 0}, {1, 1}}, d.features());
            assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        }

        @Test
        @DisplayName("rows(...) rejects an empty selection and a row outside the data")
        void rowsRejects() {
            Dataset d = Dataset.of(X, ONE_HOT);
            assertThrows(IllegalArgumentException.class, () -> d.rows(new int[0]));
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> d.rows(new int[] {4}));
            assertEquals("row 4 is outside a dataset of 4 samples", e.getMessage());
        }

        @Test
        @DisplayName("withNames keeps the data and adds feature and class names")
        void names() {
            Dataset d = Dataset.of(X, ONE_HOT).withNames(List.of("a", "b"), List.of("red", "green", "blue"));
            assertEquals(List.of("a", "b"), d.featureNames());
            assertEquals(List.of("red", "green", "blue"), d.classNames());
            assertArrayEquals(X, d.features());
        }

        @Test
        @DisplayName("withNames rejects the wrong number of names, and class names without labels")
        void namesRejects() {
            Dataset d = Dataset.of(X, ONE_HOT);
            assertEquals("shape mismatch: 3 feature names for 2 features",
                    message(() -> d.withNames(List.of("a", "b", "c"), List.of())));
            assertEquals("shape mismatch: 2 class names for 3 classes",
                    message(() -> d.withNames(List.of("a", "b"), List.of("p", "q"))));
            Dataset regression = Dataset.of(X, new double[][] {{0.5}, {1}, {1}, {0}});
            assertEquals("class names given, but this dataset has no class labels",
                    message(() -> regression.withNames(List.of("a", "b"), List.of("p", "q"))));
        }

        @Test
        @DisplayName("reading outside the data names the position and the shape")
        void outOfRange() {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Dataset.of(X, ONE_HOT).feature(4, 0));
            assertEquals("feature (4, 0) is outside 4 x 2", e.getMessage());
        }
    }

    @Nested
    @DisplayName("copies mini-batches")
    class MiniBatches {
        /** 200 rows of 300 features (a batch of 120 rows is large enough to be copied by helper threads). */
        Dataset large() {
            double[][] x = new double[200][300];
            double[][] y = new double[200][2];
            for (int r = 0; r < 200; r++) {
                for (int c = 0; c < 300; c++) {
                    x[r][c] = r * 1000 + c;
                }
                y[r][r % 2] = 1;
            }
            return Dataset.of(x, y);
        }

        @Test
        @DisplayName("copyRow puts one sample's features and targets where it is told, as copyRows puts them in a batch")
        void copyRowIsCopyRowsOneRowAtATime() {
            Dataset d = large();
            int[] order = new int[200];
            for (int i = 0; i < 200; i++) {
                order[i] = (i * 7) % 200;
            }
            double[] x = new double[120 * 300];
            double[] y = new double[120 * 2];
            d.copyRows(order, 50, 120, x, y);
            double[] xByRow = new double[120 * 300 + 5];
            double[] yByRow = new double[120 * 2 + 1];
            for (int i = 0; i < 120; i++) {
                d.copyRow(order[50 + i], xByRow, 5 + i * 300, yByRow, 1 + i * 2);
            }
            assertArrayEquals(x, java.util.Arrays.copyOfRange(xByRow, 5, xByRow.length));
            assertArrayEquals(y, java.util.Arrays.copyOfRange(yByRow, 1, yByRow.length));
        }

        @Test
        @DisplayName("copyRow refuses a row outside the data, naming it")
        void copyRowRefusesOutside() {
            Dataset d = large();
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> d.copyRow(200, new double[300], 0, new double[2], 0));
            assertEquals("row 200 is outside a dataset of 200 samples", e.getMessage());
        }

        @Test
        @DisplayName("copyRows by an order refuses a row outside the data, naming it, before copying any row")
        void copyRowsRefusesBeforeCopying() {
            Dataset d = large();
            double[] x = new double[3 * 300];
            double[] y = new double[3 * 2];
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> d.copyRows(new int[] {5, 6, 200}, 0, 3, x, y));
            assertEquals("row 200 is outside a dataset of 200 samples", e.getMessage());
            assertArrayEquals(new double[3 * 300], x, "the features the caller had are untouched");
            assertArrayEquals(new double[3 * 2], y, "and so are the targets");
        }
    }
}
