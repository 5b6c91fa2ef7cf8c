package io.github.backprop.course;

import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Sign;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;

/** The exercises of notebook 3, the output delta and the chain rule, on the 2-2-1 network. */
public final class OutputDeltaExercises {

    private OutputDeltaExercises() {
    }

    private static Trace trace(double[][] y) {
        return Backpropagation.trace(TutorialNetworks.mazur(), Losses.mse(), TutorialNetworks.X, y);
    }

    /**
     * Exercise 1: dL/db of the output neuron's bias b[2]_0.
     *
     * @param myDb the learner's dL/db[2]_0
     * @return the verdict
     */
    public static Verdict outputBiasGradient(double myDb) {
        return biasCheck().check(myDb);
    }

    private static NumberCheck biasCheck() {
        LayerTrace out = trace(TutorialNetworks.Y).layer(2);
        double a = out.a().get(0, 0);
        // dL/db = delta * 1: the bias multiplies the constant input 1
        double db = out.delta().get(0, 0);
        return NumberCheck.of("dL/db of the output bias", db)
                .hint("z = w_00 a_0 + w_01 a_1 + b: which input does b multiply? Then use dL/db = delta * that input.")
                .mistake(out.dW().get(0, 0), "That is dL/dw of the weight 0.40: the bias multiplies the constant input 1, not a hidden activation.")
                .mistake(out.dW().get(0, 1), "That is dL/dw of the weight 0.45: the bias multiplies the constant input 1, not a hidden activation.")
                .mistake(a - 0.01, "That is dL/da alone: the chain also passes through sigma'(z).")
                .mistake(a * (1 - a), "That is sigma'(z) alone: multiply by dL/da = a - y.");
    }

    /**
     * Exercise 2: with the target y = 0.99 instead of 0.01, the sign of the output delta, and the
     * sign of the change one gradient-descent step makes to the weight w[2]_00 = 0.40.
     *
     * @param myDeltaSign the learner's sign of delta[2]_0
     * @param myWeightChange the learner's sign of the change of w[2]_00
     * @return the verdict on both
     */
    public static Verdict signsForHighTarget(Sign myDeltaSign, Sign myWeightChange) {
        LayerTrace out = trace(new double[][] {{0.99}}).layer(2);
        double delta = out.delta().get(0, 0);
        // w <- w - eta * dL/dw, with dL/dw = delta * a[1]_0
        double change = -out.dW().get(0, 0);
        ExactCheck<Sign> deltaSign = ExactCheck.of("sign of the output delta for y = 0.99", Sign.of(delta))
                .hint("delta = (a - y) sigma'(z), and sigma'(z) > 0: compare the output a (see the table) with the new target.")
                .mistake(Sign.ZERO, "delta is 0 only when a = y (or sigma'(z) = 0): compare a with the new target.");
        ExactCheck<Sign> weightChange = ExactCheck.of("sign of the change of the weight 0.40", Sign.of(change))
                .hint("Gradient descent moves w by -eta * dL/dw, with dL/dw = delta * a[1]_0 and a[1]_0 > 0: use the sign of delta.")
                .mistake(Sign.ZERO, "The weight stays put only when its gradient delta * a[1]_0 is 0.")
                .whenRight("The output is too small for the new target, so gradient descent raises the weight that feeds it.");
        return Verdict.all(deltaSign.check(myDeltaSign), weightChange.check(myWeightChange));
    }

    /**
     * Exercise 3: dL/db of the output bias measured with a central difference.
     *
     * @param myNumericDb the learner's (L(b + h) - L(b - h)) / 2h
     * @return the verdict
     */
    public static Verdict outputBiasByFiniteDifference(double myNumericDb) {
        double db = trace(TutorialNetworks.Y).layer(2).delta().get(0, 0);
        NumberCheck check = NumberCheck.of("finite difference for dL/db of the output bias", db)
                .hint("Set b to b + h, compute the loss, set it to b - h, compute the loss, put b back, and divide the difference by 2h.")
                .mistake(2 * db, "The two points are 2h apart: divide by 2 * h, not by h.")
                .mistake(trace(TutorialNetworks.Y).layer(2).dW().get(0, 0),
                        "That is the finite difference for the weight 0.40: nudge net.denseLayer(2).biases() instead.");
        return FiniteDifferenceAnswer.judge(check, db, myNumericDb);
    }
}
