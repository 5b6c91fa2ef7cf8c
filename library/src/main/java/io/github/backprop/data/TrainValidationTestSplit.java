package io.github.backprop.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A seeded split of a dataset into three parts: a training part to fit the weights, a validation
 * part to choose settings (epochs, learning rate, network size) and to stop early, and a test part
 * that is used once, at the end, to report how well the chosen network does on data it has never
 * influenced. Labelled data is split class by class (stratified). The original dataset is not
 * changed; rows keep their original order within each part.
 *
 * <p>With the same seed and test fraction, the test part is exactly the test part of
 * {@link TrainTestSplit#of(Dataset, double, long)}: the validation rows come out of what would have
 * been the training part.
 *
 * @param train the training part
 * @param validation the validation part
 * @param test the test part
 */
public record TrainValidationTestSplit(Dataset train, Dataset validation, Dataset test) {

    /**
     * Splits {@code data}: about {@code testFraction} of the rows (of each class) to the test part,
     * about {@code validationFraction} to the validation part, the rest to training.
     *
     * @param data the dataset
     * @param validationFraction strictly between 0 and 1
     * @param testFraction strictly between 0 and 1; the two fractions sum to less than 1
     * @param seed seed for the {@link io.github.backprop.random.SplitMix64} generator that deals the rows
     * @return the three parts
     * @throws IllegalArgumentException if a fraction is out of range or a part would be empty
     */
    public static TrainValidationTestSplit of(Dataset data, double validationFraction, double testFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1, got " + validationFraction);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        if (!(validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation and test fractions must leave rows for training: "
                    + validationFraction + " + " + testFraction + " >= 1");
        }
        if (data.size() < 3) {
            throw new IllegalArgumentException("need at least 3 samples to split three ways, got " + data.size());
        }
        int[] part = Parts.assign(data, new double[] {testFraction, validationFraction}, seed);
        List<Integer> test = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            (part[r] == 0 ? test : part[r] == 1 ? validation : train).add(r);
        }
        if (train.isEmpty() || validation.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("fractions of " + validationFraction + " (validation) and " + testFraction
                    + " (test) leave a part of " + data.size() + " samples empty (training " + train.size()
                    + ", validation " + validation.size() + ", test " + test.size() + ")");
        }
        return new TrainValidationTestSplit(data.rows(TrainTestSplit.toArray(train)),
                data.rows(TrainTestSplit.toArray(validation)), data.rows(TrainTestSplit.toArray(test)));
    }
}
