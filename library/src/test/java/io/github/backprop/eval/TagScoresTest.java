package io.github.backprop.eval;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Tag scores of a multi-label network")
class TagScoresTest {
    static final List<String> TAGS = List.of("dog", "beach");
    // four photos: outputs a_k (yes when >= 0.5) and true tags y_k
    static final double[][] OUTPUTS = {{0.9, 0.2}, {0.6, 0.7}, {0.1, 0.4}, {0.3, 0.8}};
    static final double[][] TARGETS = {{1, 0}, {0, 1}, {0, 1}, {0, 1}};
    static final TagScores SCORES = TagScores.of(OUTPUTS, TARGETS, TAGS);

    @Nested
    @DisplayName("per tag")
    class PerTag {
        @Test
        @DisplayName("accuracy counts right yeses and right noes")
        void accuracy() {
            // dog: yes, yes(wrong), no, no -> 3 of 4 right; beach: no, yes, no(wrong), yes -> 3 of 4
            assertEquals(0.75, SCORES.accuracy(0), 0.0);
            assertEquals(0.75, SCORES.accuracy(1), 0.0);
        }

        @Test
        @DisplayName("precision: of the photos tagged, those that have the tag; recall: of those that have it, those tagged")
        void precisionAndRecall() {
            assertEquals(0.5, SCORES.precision(0), 0.0);
            assertEquals(1.0, SCORES.recall(0), 0.0);
            assertEquals(1.0, SCORES.precision(1), 0.0);
            assertEquals(2.0 / 3, SCORES.recall(1), 1e-15);
            assertEquals(1, SCORES.positives(0));
            assertEquals(3, SCORES.positives(1));
        }

        @Test
        @DisplayName("precision and recall are 0 when nothing is tagged or nothing has the tag")
        void empty() {
            TagScores none = TagScores.of(new double[][] {{0.1}}, new double[][] {{0}}, List.of("cat"));
            assertEquals(0, none.precision(0), 0.0);
            assertEquals(0, none.recall(0), 0.0);
            assertEquals(1, none.accuracy(0), 0.0);
        }
    }

    @Test
    @DisplayName("exact match counts the photos with every tag right, and is never above a tag's accuracy")
    void exactMatch() {
        // photo 0: both right; 1: dog wrong; 2: beach wrong; 3: both right
        assertEquals(0.5, SCORES.exactMatch(), 0.0);
        assertTrue(SCORES.exactMatch() <= Math.min(SCORES.accuracy(0), SCORES.accuracy(1)));
        assertEquals(4, SCORES.size());
        assertEquals(TAGS, SCORES.tagNames());
    }

    @Test
    @DisplayName("scores a network's sigmoid outputs on a dataset")
    void ofNetwork() {
        Network net = Network.builder(1).dense(new double[][] {{10}, {-10}}, new double[] {0, 0}, Activations.sigmoid()).build();
        Dataset data = Dataset.of(new double[][] {{1}, {-1}}, new double[][] {{1, 0}, {0, 1}});
        TagScores scores = TagScores.of(net, data, List.of("positive", "negative"));
        assertEquals(1.0, scores.exactMatch(), 0.0);
    }

    @Test
    @DisplayName("refuses mismatched shapes, targets other than 0 and 1, and unknown tags, naming the problem")
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TagScores.of(new double[][] {{0.5}}, new double[][] {{0.5}}, List.of("t"))).getMessage().contains("must be 0 or 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TagScores.of(new double[][] {{0.5, 0.5}}, new double[][] {{1, 0}}, List.of("t"))).getMessage().contains("shape mismatch"));
        assertThrows(IllegalArgumentException.class, () -> TagScores.of(new double[0][], new double[0][], TAGS));
        assertThrows(IllegalArgumentException.class, () -> SCORES.accuracy(2));
        Network one = Network.builder(1).dense(1, Activations.sigmoid()).seed(1).build();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TagScores.of(one, Dataset.of(new double[][] {{1}}, new double[][] {{1, 0}}), TAGS)).getMessage().contains("1 outputs"));
    }
}
