package io.github.backprop.course;

import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.check.GradientCheck;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

/** The exercises of notebook 5, bias gradients, the gradient check and the cost of a gradient. */
public final class BiasGradientExercises {

    private BiasGradientExercises() {
    }

    /**
     * Exercise 1: db[1]_1, the bias gradient of hidden neuron 1 of the 2-2-1 network.
     *
     * @param myDb the learner's db[1]_1
     * @return the verdict
     */
    public static Verdict hiddenBiasGradient(double myDb) {
        LayerTrace hidden = Backpropagation.trace(TutorialNetworks.mazur(), Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y).layer(1);
        // db[1]_1 = delta[1]_1
        double db = hidden.db().get(0, 1);
        return NumberCheck.of("db of hidden neuron 1", db)
                .hint("db = delta: read the delta (or db) of layer 1, neuron 1 in the neurons table.")
                .mistake(hidden.db().get(0, 0), "That is hidden neuron 0's: neurons are counted from 0, so hidden neuron 1 is the second row of layer 1.")
                .mistake(hidden.dW().get(1, 1), "That is dW[1]_11 = delta[1]_1 x_1, a weight's gradient: the bias multiplies the constant input 1.")
                .mistake(hidden.dW().get(1, 0), "That is dW[1]_10 = delta[1]_1 x_0, a weight's gradient: the bias multiplies the constant input 1.")
                .check(myDb);
    }

    /**
     * Exercise 2: if a bug made every bias gradient 0, how many rows of the gradient-check table
     * (one per parameter: W1, b1, W2, b2) would fail, and with what relative error.
     *
     * @param myFailingRows the learner's number of rows with a relative error near 1
     * @param myRelativeError the learner's relative error of those rows
     * @return the verdict on both
     */
    public static Verdict biasBug(Integer myFailingRows, double myRelativeError) {
        Network net = TutorialNetworks.mazur();
        int failing = 0;
        for (Parameter p : net.parameters()) {
            if (p.kind() == Parameter.Kind.BIASES) {
                failing++;
            }
        }
        Trace trace = Backpropagation.trace(net, Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y);
        // the bug's analytic db = 0 against the true gradient g = db[2]_0:
        // |0 - g| / max(0, |g|, floor) = 1, as |g| is above the floor
        double error = GradientCheck.relativeError(0, trace.layer(2).db().get(0, 0), trace.lossValue());
        ExactCheck<Integer> rows = ExactCheck.of("number of rows that would fail", failing)
                .hint("The table has one row per parameter: W1, b1, W2, b2. Which of them get their gradient from db?")
                .mistake(3, "There are 3 biases, but the table has one row per parameter matrix (W1, b1, W2, b2): count rows.")
                .mistake(4, "The weights' gradients dW = delta a^T do not use db: W1 and W2 still pass.")
                .mistake(0, "A gradient of 0 where the finite difference is not 0 is an error: which rows are those?");
        NumberCheck errorCheck = NumberCheck.of("relative error of those rows", error)
                .hint("Put analytic = 0 into |analytic - numeric| / max(|analytic|, |numeric|, floor): the numeric value is the true, non-zero gradient.")
                .mistake(0.0, "The analytic value is 0 but the numeric one is not, so they differ.")
                .exact();
        return Verdict.all(rows.check(myFailingRows), errorCheck.check(myRelativeError));
    }

    /**
     * Exercise 3: of the steps h = 1e-1, 1e-3 and 1e-8, the one whose gradient check of the 2-2-1
     * network shows the smallest error, and the one whose error comes from rounding.
     *
     * @param myBestH the learner's h with the smallest maxRelativeError
     * @param myRoundingH the learner's h, of 1e-1 and 1e-8, spoiled by rounding
     * @return the verdict on both
     */
    public static Verdict finiteDifferenceStep(Double myBestH, Double myRoundingH) {
        double[] steps = {1e-1, 1e-3, 1e-8};
        double best = steps[0];
        double bestError = Double.POSITIVE_INFINITY;
        for (double h : steps) {
            double error = GradientCheck.run(TutorialNetworks.mazur(), Losses.mse(), TutorialNetworks.X, TutorialNetworks.Y, h)
                    .maxRelativeError();
            if (error < bestError) {
                bestError = error;
                best = h;
            }
        }
        ExactCheck<Double> bestStep = ExactCheck.of("h with the smallest error", best)
                .hint("Run GradientCheck.run(net, Losses.mse(), x, y, h).maxRelativeError() for each of the three h and compare.")
                .mistake(1e-8, "Smaller is not always better: compare the three maxRelativeError values.")
                .mistake(1e-1, "Compare the three maxRelativeError values: h = 0.1 is too coarse for the formula.");
        ExactCheck<Double> roundingStep = ExactCheck.of("h spoiled by rounding", 1e-8)
                .hint("Rounding error is a few last bits of L divided by h: which h makes that quotient large?")
                .mistake(1e-1, "At h = 0.1 the error is the formula's truncation (its h^4 term), which grows with h. Rounding, divided by h, grows as h shrinks.")
                .whenRight("L is accurate to about 1e-16 of its size; divided by 12h = 1.2e-7 that noise becomes large. Try 1e-10: it gets worse still.");
        return Verdict.all(bestStep.check(myBestH), roundingStep.check(myRoundingH));
    }

    /**
     * Exercise 4: for the 2-2-1 network and one sample, the forward passes a central-difference
     * gradient needs, and the multiply-adds of backpropagation's backward pass.
     *
     * @param myForwardPasses the learner's count of forward passes (2 per parameter)
     * @param myBackwardMultiplyAdds the learner's count of multiply-adds of the backward pass
     * @return the verdict on both
     */
    public static Verdict costOfAGradient(Integer myForwardPasses, Integer myBackwardMultiplyAdds) {
        Network net = TutorialNetworks.mazur();
        int[] n = net.sizes();
        int weights = 0;
        int passedBack = 0;
        for (int l = 1; l < n.length; l++) {
            weights += n[l] * n[l - 1];
            if (l >= 2) {
                passedBack += n[l] * n[l - 1];
            }
        }
        // central differences: L(w + h) and L(w - h) for every parameter
        int passes = 2 * net.parameterCount();
        // backward: dW[l] = delta[l] a[l-1]^T for every layer, (W[l])^T delta[l] for layers 2 and up
        int backward = weights + passedBack;
        ExactCheck<Integer> passesCheck = ExactCheck.of("forward passes of a central-difference gradient", passes)
                .hint("Every parameter (weights and biases) needs two forward passes: L(w + h) and L(w - h).")
                .mistake(net.parameterCount(), "That is one pass per parameter: a central difference needs two, L(w + h) and L(w - h).")
                .mistake(2 * weights, "Biases are parameters too: count all of them.")
                .mistake(4 * net.parameterCount(), "That is the gradient check's five-point formula (four passes per parameter). A central difference needs two.");
        ExactCheck<Integer> backwardCheck = ExactCheck.of("multiply-adds of the backward pass", backward)
                .hint("Count, per layer l, the multiply-adds of dW[l] = delta[l] a[l-1]^T, and of (W[l])^T delta[l] where the error must go further back.")
                .mistake(weights, "That is dW alone: passing delta back through W[2] (BP2) costs multiply-adds too.")
                .mistake(2 * weights, "Layer 1 passes nothing back: the input has no delta.");
        return Verdict.all(passesCheck.check(myForwardPasses), backwardCheck.check(myBackwardMultiplyAdds));
    }
}
