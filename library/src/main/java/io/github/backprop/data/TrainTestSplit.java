package io.github.backprop.data;

import io.github.backprop.random.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
     * @param seed seed for the {@link SplitMix64} generator that picks the test rows
     * @return the two parts
     */
    public static TrainTestSplit of(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("need at least 2 samples to split, got " + data.size());
        }
        Random random = new SplitMix64(seed);
        boolean[] isTest = new boolean[data.size()];
        List<List<Integer>> groups = new ArrayList<>();
        if (data.hasLabels()) {
            for (int c = 0; c < data.classCount(); c++) {
                groups.add(new ArrayList<>());
            }
            for (int r = 0; r < data.size(); r++) {
                groups.get(data.label(r)).add(r);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < data.size(); r++) {
                all.add(r);
            }
            groups.add(all);
        }
        for (List<Integer> group : groups) {
            // Fisher-Yates on the group's row numbers, then the first part goes to the test set
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = group.get(i);
                group.set(i, group.get(j));
                group.set(j, t);
            }
            int testCount = (int) Math.round(group.size() * testFraction);
            for (int i = 0; i < testCount; i++) {
                isTest[group.get(i)] = true;
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            (isTest[r] ? test : train).add(r);
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " leaves one part of " + data.size()
                    + " samples empty");
        }
        return new TrainTestSplit(data.rows(toArray(train)), data.rows(toArray(test)));
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
