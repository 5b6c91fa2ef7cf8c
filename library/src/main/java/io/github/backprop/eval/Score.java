package io.github.backprop.eval;

/**
 * The loss and accuracy of a network on a dataset.
 *
 * @param loss the mean loss L over the samples
 * @param accuracy the fraction of samples whose predicted class is their label; NaN when the
 *     dataset has no class labels
 * @param correct how many samples were classified correctly (0 without labels)
 * @param size how many samples were scored
 */
public record Score(double loss, double accuracy, int correct, int size) {
}
