package io.github.backprop.eval;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;

import java.util.List;

/**
 * How well a multi-label network answers its yes/no questions: each output a_k is an independent
 * "does tag k apply?" (a sigmoid output trained with binary cross-entropy), answered yes when
 * a_k &gt;= 0.5. Per tag: accuracy, precision and recall; for whole samples: the exact-match
 * accuracy, the fraction of samples with every tag right. Instances are immutable.
 */
public final class TagScores {
    private final List<String> tagNames;
    private final int size;
    /** Per tag k: [true positives, false positives, false negatives, true negatives]. */
    private final int[][] counts;
    private final int exactMatches;

    private TagScores(List<String> tagNames, int size, int[][] counts, int exactMatches) {
        this.tagNames = tagNames;
        this.size = size;
        this.counts = counts;
        this.exactMatches = exactMatches;
    }

    /**
     * Scores a network's outputs on a dataset whose targets are 0/1 tags.
     *
     * @param network a network with one output per tag (not changed)
     * @param data samples with one 0/1 target per tag (not changed)
     * @param tagNames one name per tag, in output order
     * @return the scores
     * @throws IllegalArgumentException if the sizes differ or a target is not 0 or 1
     */
    public static TagScores of(Network network, Dataset data, List<String> tagNames) {
        if (network.outputSize() != data.targetCount()) {
            throw new IllegalArgumentException("shape mismatch: the network has " + network.outputSize()
                    + " outputs but the data has " + data.targetCount() + " tags per sample");
        }
        return of(network.predict(data.features()), data.targets(), tagNames);
    }

    /**
     * Scores outputs against 0/1 tags.
     *
     * @param outputs a_k per sample, in [0, 1] (not changed)
     * @param targets y_k per sample, each 0 or 1 (not changed)
     * @param tagNames one name per tag
     * @return the scores
     * @throws IllegalArgumentException if the shapes differ, there are no samples or a target is not 0 or 1
     */
    public static TagScores of(double[][] outputs, double[][] targets, List<String> tagNames) {
        if (outputs.length == 0 || outputs.length != targets.length) {
            throw new IllegalArgumentException("shape mismatch: " + outputs.length + " output rows for "
                    + targets.length + " target rows (need at least one)");
        }
        int tags = tagNames.size();
        int[][] counts = new int[tags][4];
        int exact = 0;
        for (int n = 0; n < outputs.length; n++) {
            if (outputs[n].length != tags || targets[n].length != tags) {
                throw new IllegalArgumentException("shape mismatch: row " + n + " has " + outputs[n].length + " outputs and "
                        + targets[n].length + " targets for " + tags + " tag names");
            }
            boolean allRight = true;
            for (int k = 0; k < tags; k++) {
                double y = targets[n][k];
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("tag " + k + " (" + tagNames.get(k) + ") of row " + n + " is " + y
                            + ": tags must be 0 or 1");
                }
                boolean yes = outputs[n][k] >= 0.5;
                boolean truth = y == 1;
                counts[k][yes ? (truth ? 0 : 1) : (truth ? 2 : 3)]++;
                allRight &= yes == truth;
            }
            if (allRight) {
                exact++;
            }
        }
        return new TagScores(List.copyOf(tagNames), outputs.length, counts, exact);
    }

    /** The tags' names, in output order. */
    public List<String> tagNames() {
        return tagNames;
    }

    /** How many samples were scored. */
    public int size() {
        return size;
    }

    /** Fraction of samples whose tag k is answered right (yes when it applies, no when it does not). */
    public double accuracy(int k) {
        int[] c = tag(k);
        return (double) (c[0] + c[3]) / size;
    }

    /** Of the samples the network tags with k, the fraction that really have tag k; 0 if it tags none. */
    public double precision(int k) {
        int[] c = tag(k);
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    /** Of the samples that have tag k, the fraction the network tags with k; 0 if none has it. */
    public double recall(int k) {
        int[] c = tag(k);
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    /** How many samples really have tag k (its support). */
    public int positives(int k) {
        int[] c = tag(k);
        return c[0] + c[2];
    }

    /** Fraction of samples with every tag right: the strictest score, never above any tag's accuracy. */
    public double exactMatch() {
        return (double) exactMatches / size;
    }

    private int[] tag(int k) {
        if (k < 0 || k >= counts.length) {
            throw new IllegalArgumentException("tag " + k + " is out of range: tags are 0 to " + (counts.length - 1));
        }
        return counts[k];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TagScores(" + size + " samples, exact match " + exactMatch());
        for (int k = 0; k < counts.length; k++) {
            sb.append(", ").append(tagNames.get(k)).append(' ').append(accuracy(k));
        }
        return sb.append(')').toString();
    }
}
