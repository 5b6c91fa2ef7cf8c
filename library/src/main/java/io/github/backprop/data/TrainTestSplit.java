package io.github.backprop.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A seeded split of a dataset into a training part and a test part. Labelled data is split class
 * by class (stratified), so both parts keep the class proportions. The original dataset is not
 * changed; rows keep their original order within each part.
 *
 * @param train the training part
 * @param test the test part
 */
public record TrainTestSplit(Dataset train, Dataset test) {

    /**
     * Splits {@code data}, putting about {@code testFraction} of the rows (of each class) in the test part.
     *
     * @param data the dataset
     * @param testFraction strictly between 0 and 1
     * @param seed seed for the {@link io.github.backprop.random.SplitMix64} generator that picks the test rows
     * @return the two parts
     */
    public static TrainTestSplit of(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("need at least 2 samples to split, got " + data.size());
        }
        int[] part = Parts.assign(data, new double[] {testFraction}, seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            (part[r] == 0 ? test : train).add(r);
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " leaves one part of " + data.size()
                    + " samples empty");
        }
        return new TrainTestSplit(data.rows(toArray(train)), data.rows(toArray(test)));
    }

    static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
