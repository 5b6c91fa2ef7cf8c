package io.github.backprop.eval;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A confusion matrix")
class ConfusionMatrixTest {
    static final int[] ACTUAL = {0, 0, 1, 1, 2, 2, 2};
    static final int[] PREDICTED = {0, 1, 1, 1, 2, 0, 2};

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Nested
    @DisplayName("per class")
    class PerClass {
        // counts {{1, 1, 0}, {0, 2, 0}, {1, 0, 2}}: rows are true classes, columns predictions
        final ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3, List.of());

        @Test
        @DisplayName("has precision = right among those predicted as the class")
        void precision() {
            assertEquals(0.5, m.precision(0), 1e-15);
            assertEquals(2.0 / 3, m.precision(1), 1e-15);
            assertEquals(1.0, m.precision(2), 1e-15);
        }

        @Test
        @DisplayName("has recall = found among those of the class")
        void recall() {
            assertEquals(0.5, m.recall(0), 1e-15);
            assertEquals(1.0, m.recall(1), 1e-15);
            assertEquals(2.0 / 3, m.recall(2), 1e-15);
        }

        @Test
        @DisplayName("has F1 = 2PR/(P+R), and the macro F1 is their mean")
        void f1() {
            assertEquals(0.5, m.f1(0), 1e-15);
            assertEquals(0.8, m.f1(1), 1e-15);
            assertEquals(0.8, m.f1(2), 1e-15);
            assertEquals(0.7, m.macroF1(), 1e-15);
            assertEquals(2, m.support(0));
            assertEquals(3, m.support(2));
        }

        @Test
        @DisplayName("reports 0 for a class never predicted or never present, and refuses unknown classes")
        void edges() {
            ConfusionMatrix never = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 3, List.of());
            assertEquals(0.0, never.precision(1));
            assertEquals(0.0, never.recall(2));
            assertEquals(0.0, never.f1(2));
            assertTrue(message(() -> never.precision(3)).contains("class 3 is out of range"));
        }
    }

    @Nested
    @DisplayName("of true and predicted labels")
    class FromLabels {
        final ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3, List.of());

        @Test
        @DisplayName("counts each (true, predicted) pair, true classes as rows")
        void counts() {
            assertArrayEquals(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 2}}, m.counts());
            assertEquals(1, m.count(2, 0));
            assertEquals(0, m.count(0, 2));
        }

        @Test
        @DisplayName("has the correct predictions on its diagonal")
        void totals() {
            assertEquals(7, m.total());
            assertEquals(5, m.correct());
            assertEquals(5.0 / 7, m.accuracy());
        }

        @Test
        @DisplayName("names the classes 0, 1, 2 unless given names")
        void names() {
            assertEquals(List.of("0", "1", "2"), m.classNames());
            assertEquals(List.of("a", "b", "c"), ConfusionMatrix.of(ACTUAL, PREDICTED, 3, List.of("a", "b", "c")).classNames());
        }

        @Test
        @DisplayName("hands out a copy of its counts")
        void copy() {
            m.counts()[0][0] = 99;
            assertEquals(1, m.count(0, 0));
        }

        @Test
        @DisplayName("prints a table with the class names")
        void printing() {
            String s = ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}, 2, List.of("cat", "dog")).toString();
            assertTrue(s.contains("cat") && s.contains("dog") && s.contains("true\\pred"), s);
        }

        @Test
        @DisplayName("does not modify the caller's label arrays")
        void leavesCallerArraysUnchanged() {
            int[] actual = ACTUAL.clone();
            int[] predicted = PREDICTED.clone();
            ConfusionMatrix.of(actual, predicted, 3, List.of());
            assertArrayEquals(ACTUAL, actual);
            assertArrayEquals(PREDICTED, predicted);
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a true or predicted label out of range, naming it and the sample")
        void labelOutOfRange() {
            assertEquals("label 3 at sample 1 is out of range: classes are 0 to 2",
                    message(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 3}, 3, List.of())));
            assertEquals("label -1 at sample 0 is out of range: classes are 0 to 2",
                    message(() -> ConfusionMatrix.of(new int[] {-1}, new int[] {0}, 3, List.of())));
        }

        @Test
        @DisplayName("different numbers of true and predicted labels, and no samples")
        void lengths() {
            assertEquals("shape mismatch: 2 true labels but 1 predictions",
                    message(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2, List.of())));
            assertEquals("a confusion matrix needs at least one sample",
                    message(() -> ConfusionMatrix.of(new int[0], new int[0], 2, List.of())));
        }

        @Test
        @DisplayName("fewer than two classes, and the wrong number of class names")
        void classes() {
            assertEquals("a confusion matrix needs at least 2 classes, got 1",
                    message(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, 1, List.of())));
            assertEquals("shape mismatch: 2 class names for 3 classes",
                    message(() -> ConfusionMatrix.of(ACTUAL, PREDICTED, 3, List.of("a", "b"))));
        }
    }

    @Test
    @DisplayName("of a network on labelled data counts the network's predictions, with the data's class names")
    void ofNetwork() {
        Network swap = Network.builder(2)
                .dense(new double[][] {{0, 1}, {1, 0}}, new double[2], Activations.identity())
                .build();
        Dataset d = Dataset.ofLabels(new double[][] {{1, 0}, {0, 1}, {0, 1}}, new int[] {0, 1, 1}, 2)
                .withNames(List.of("p", "q"), List.of("left", "right"));
        ConfusionMatrix m = ConfusionMatrix.of(swap, d);
        assertArrayEquals(new int[][] {{0, 1}, {2, 0}}, m.counts());
        assertEquals(List.of("left", "right"), m.classNames());
        assertEquals(0.0, m.accuracy());
    }
}
