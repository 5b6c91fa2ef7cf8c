package io.github.backprop.course;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;

/** The exercises of notebook 1, the forward pass and the MSE loss, on the 2-2-1 network. */
public final class ForwardPassExercises {
    private static final Activation SIGMA = Activations.sigmoid();

    private ForwardPassExercises() {
    }

    /**
     * Exercise 1: z and a of hidden neuron 0 (layer 1) for the input x = (1, 1).
     *
     * @param myZ the learner's z[1]_0
     * @param myA the learner's a[1]_0
     * @return the verdict on both
     */
    public static Verdict hiddenNeuronForOnes(double myZ, double myA) {
        // z[1]_0 = w_00 x_0 + w_01 x_1 + b_0
        double z = 0.15 * 1 + 0.20 * 1 + 0.35;
        double a = SIGMA.value(z);
        NumberCheck zCheck = NumberCheck.of("z of hidden neuron 0 for x = (1, 1)", z)
                .hint("z_0 = w_00 x_0 + w_01 x_1 + b_0, with row 0 of W[1] and x = (1, 1).")
                .mistake(0.15 + 0.20, "Do not forget the bias b_0.")
                .mistake(0.25 + 0.30 + 0.35, "That is hidden neuron 1's z: neuron 0 uses row 0 of W[1].");
        NumberCheck aCheck = NumberCheck.of("a of hidden neuron 0 for x = (1, 1)", a)
                .hint("a_0 = sigma(z_0) = 1 / (1 + e^(-z_0)), with your z_0.")
                .mistake(z, "a is sigma(z), not z itself.")
                .mistake(SIGMA.value(-z), "Check the sign in e^(-z).");
        return Verdict.all(zCheck.check(myZ), aCheck.check(myA));
    }

    /**
     * Exercise 2, first part: the output that makes the MSE loss exactly 0 for the target 0.01.
     *
     * @param myOutput the learner's a
     * @return the verdict
     */
    public static Verdict perfectOutput(double myOutput) {
        return NumberCheck.of("output with loss 0", 0.01)
                .hint("L = 1/2 (a - y)^2 is 0 exactly when a - y = 0.")
                .check(myOutput);
    }

    /**
     * Exercise 2, second part: the MSE loss of the output 0.5 for the target 0.01.
     *
     * @param myLoss the learner's L
     * @return the verdict
     */
    public static Verdict lossOfHalf(double myLoss) {
        double loss = Losses.mse().value(new double[] {0.5}, new double[] {0.01}, 1, 1);
        return NumberCheck.of("MSE loss of the output 0.5 for the target 0.01", loss)
                .hint("L = 1/2 (a - y)^2 with a = 0.5 and y = 0.01.")
                .mistake(2 * loss, "The library's MSE has a factor 1/2.")
                .mistake(0.5 - 0.01, "Square the difference.")
                .mistake(0.5 * (0.5 - 0.01), "Square the difference before halving it.")
                .check(myLoss);
    }

    /**
     * Exercise 3: the z for which sigma(z) = 0.01 exactly, z = ln(0.01 / 0.99).
     *
     * @param myZ the learner's z
     * @return the verdict
     */
    public static Verdict zForOutput(double myZ) {
        // sigma(z) = a  <=>  z = ln(a / (1 - a))
        double z = Math.log(0.01 / 0.99);
        return NumberCheck.of("z with sigma(z) = 0.01", z)
                .hint("Solve 1 / (1 + e^(-z)) = 0.01 for z: e^(-z) = 1/0.01 - 1, then take the logarithm.")
                .mistake(Math.log(0.01), "ln(0.01) alone forgets the 1 in 1 + e^(-z): solve for e^(-z) first.")
                .whenRight("For sigma(z) = 0 you would need e^(-z) to be infinite: no finite z gets there.")
                .check(myZ);
    }
}
