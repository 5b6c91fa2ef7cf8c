package io.github.backprop.course;

import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;

/** The exercises of notebook 4, hidden-layer deltas. */
public final class HiddenDeltaExercises {

    private HiddenDeltaExercises() {
    }

    /**
     * Exercise 1: delta[1]_0 of the 2-2-1 network when the output weight w[2]_00 = 0.40 is set to 0.
     *
     * @param myDelta the learner's delta[1]_0
     * @return the verdict
     */
    public static Verdict hiddenDeltaWithoutItsWeight(double myDelta) {
        Network zeroed = TutorialNetworks.mazur();
        zeroed.denseLayer(2).weights().set(0, 0, 0.0);
        // delta[1]_0 = sigma'(z[1]_0) * w[2]_00 * delta[2]_0, and w[2]_00 = 0
        double delta = Backpropagation.trace(zeroed, Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y).layer(1).delta().get(0, 0);
        double before = Backpropagation.trace(TutorialNetworks.mazur(), Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y)
                .layer(1).delta().get(0, 0);
        return NumberCheck.of("delta[1]_0 with w[2]_00 = 0", delta)
                .hint("delta[1]_0 = sigma'(z[1]_0) * sum_k w[2]_k0 * delta[2]_k: how many terms has the sum, and what is each?")
                .mistake(before, "That is delta[1]_0 with the weight 0.40. Hidden neuron 0 reaches the loss only through w[2]_00: what is left of the sum when it is 0?")
                .whenRight("Hidden neuron 0 reaches the loss only through the weight w[2]_00; with it at 0, nothing it does changes the loss.")
                .exact()
                .check(myDelta);
    }

    /**
     * Exercise 2: in the 2-2-2-1 network of {@link TutorialNetworks#deeper()}, for the sample of
     * notebooks 1-5, the layer whose deltas are smallest in size.
     *
     * @param myLayer the learner's layer number (1, 2 or 3)
     * @return the verdict
     */
    public static Verdict layerWithSmallestDeltas(Integer myLayer) {
        int smallest = smallestDeltaLayer(TutorialNetworks.deeper());
        return ExactCheck.of("layer with the smallest deltas", smallest)
                .hint("Build the 2-2-2-1 network as the exercise says and read the delta column of Tables.neurons(trace), layer by layer.")
                .mistake(3, "Layer 3 is the output layer, where the error starts. Each step back multiplies it by weights and by slopes of at most 0.25.")
                .mistake(0, "Layer 0 is the input: it has no neurons with a z, so no delta. Layers 1 to 3 have deltas.")
                .whenRight("The layer farthest from the output: each step back multiplied the deltas by weights below 1 in size and by slopes of at most 0.25.")
                .check(myLayer);
    }

    /** The layer (from 1) whose largest |delta| is smallest. */
    static int smallestDeltaLayer(Network network) {
        Trace trace = Backpropagation.trace(network, Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y);
        int best = 0;
        double bestSize = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= network.layerCount(); l++) {
            double size = largestSize(trace.layer(l).delta());
            if (size < bestSize) {
                bestSize = size;
                best = l;
            }
        }
        return best;
    }

    static double largestSize(Matrix m) {
        double largest = 0;
        for (double v : m.toRowMajorArray()) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /**
     * Exercise 3: the delta of hidden neuron 1 of the 3-4-2 network, by hand.
     *
     * @param myDelta the learner's delta[1]_1
     * @return the verdict
     */
    public static Verdict wideHiddenDelta(double myDelta) {
        Trace trace = Backpropagation.trace(TutorialNetworks.wide(), Losses.mse(), TutorialNetworks.WIDE_X, TutorialNetworks.WIDE_Y);
        LayerTrace hidden = trace.layer(1);
        LayerTrace output = trace.layer(2);
        double slope = hidden.fPrime().get(0, 1);
        double sum = 0;
        double rowInsteadOfColumn = 0;
        for (int k = 0; k < 2; k++) {
            // sum_k w[2]_k1 * delta[2]_k
            sum += output.weights().get(k, 1) * output.delta().get(0, k);
            rowInsteadOfColumn += output.weights().get(1, k) * output.delta().get(0, k);
        }
        double delta = hidden.delta().get(0, 1);
        return NumberCheck.of("delta[1]_1 of the 3-4-2 network", delta)
                .hint("delta[1]_1 = sigma'(z[1]_1) * (w[2]_01 delta[2]_0 + w[2]_11 delta[2]_1): the weights leaving hidden neuron 1 are column 1 of W[2].")
                .mistake(sum, "That is the weighted sum alone: multiply it by the slope sigma'(z[1]_1) (the f'(z) column).")
                .mistake(slope * output.weights().get(0, 1) * output.delta().get(0, 0),
                        "That uses output neuron 0 only: hidden neuron 1 feeds both output neurons, so the sum has two terms.")
                .mistake(slope * rowInsteadOfColumn,
                        "That sums row 1 of W[2] (the weights into output neuron 1). Hidden neuron 1's weights are column 1: w[2]_01 and w[2]_11.")
                .mistake(hidden.fPrime().get(0, 0) * sum, "That uses hidden neuron 0's slope: take sigma'(z[1]_1), the f'(z) of neuron 1.")
                .check(myDelta);
    }
}
