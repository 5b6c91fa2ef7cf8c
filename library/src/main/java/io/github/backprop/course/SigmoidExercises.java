package io.github.backprop.course;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;

/** The exercises of notebook 2, the sigmoid and its derivative (and tanh's). */
public final class SigmoidExercises {
    private static final Activation SIGMA = Activations.sigmoid();
    private static final Activation TANH = Activations.tanh();
    /** The step of the finite difference in exercise 2. */
    private static final double H = 1e-5;

    private SigmoidExercises() {
    }

    /**
     * Exercise 1: the largest value of tanh'(z), which it takes at z = 0.
     *
     * @param myPeak the learner's tanh'(0)
     * @return the verdict
     */
    public static Verdict tanhPeak(double myPeak) {
        // tanh'(0) = 1 - tanh^2(0)
        double peak = TANH.derivative(0, TANH.value(0));
        return NumberCheck.of("largest value of tanh'(z)", peak)
                .hint("tanh'(z) = 1 - tanh^2(z) is largest where tanh(z) = 0: at z = 0. Put that in.")
                .mistake(SIGMA.derivative(0, SIGMA.value(0)), "That is the sigmoid's peak sigma'(0). Use tanh'(z) = 1 - tanh^2(z).")
                .mistake(TANH.value(0), "That is tanh(0), the value, not the slope 1 - tanh^2(0).")
                .whenRight("Four times the sigmoid's 0.25: tanh shrinks a backward signal less.")
                .exact()
                .check(myPeak);
    }

    /**
     * Exercise 2: tanh'(1) by a central difference with h = 1e-5, and by the formula 1 - tanh^2(1).
     *
     * @param myNumeric the learner's (tanh(1 + h) - tanh(1 - h)) / 2h
     * @param myFormula the learner's 1 - tanh^2(1)
     * @return the verdict on both
     */
    public static Verdict tanhSlopeAtOne(double myNumeric, double myFormula) {
        double t = TANH.value(1);
        // tanh'(1) = 1 - tanh^2(1)
        double exact = TANH.derivative(1, t);
        double central = (TANH.value(1 + H) - TANH.value(1 - H)) / (2 * H);
        double oneSided = (TANH.value(1 + H) - t) / H;
        NumberCheck numeric = NumberCheck.of("central difference for tanh'(1)", exact)
                .hint("Compute (Math.tanh(1 + h) - Math.tanh(1 - h)) / (2 * h) with h = 1e-5.")
                .mistake(2 * central, "The two points are 2h apart: divide by 2 * h, not by h.")
                .mistake(oneSided, "That is the one-sided difference (f(z + h) - f(z)) / h: use z + h and z - h.")
                .mistake(SIGMA.derivative(1, SIGMA.value(1)), "That is the sigmoid's slope: use Math.tanh.");
        NumberCheck formula = NumberCheck.of("1 - tanh^2(1)", exact)
                .hint("Square tanh(1) and subtract it from 1.")
                .mistake(1 - t, "Square tanh(1) before subtracting it from 1.")
                .mistake(t * t, "That is tanh^2(1): the slope is 1 minus it.");
        return Verdict.all(FiniteDifferenceAnswer.judge(numeric, exact, myNumeric), formula.check(myFormula));
    }

    /**
     * Exercise 3: the positive z where sigma'(z) = 0.1.
     *
     * @param myZ the learner's z
     * @return the verdict
     */
    public static Verdict zWhereSlopeIsATenth(double myZ) {
        // a (1 - a) = 0.1  <=>  a = (1 +- sqrt(1 - 0.4)) / 2 ; z = ln(a / (1 - a))
        double a = (1 + Math.sqrt(1 - 0.4)) / 2;
        double z = Math.log(a / (1 - a));
        return NumberCheck.of("positive z with sigma'(z) = 0.1", z)
                .hint("Solve a(1 - a) = 0.1 for a (a quadratic: a^2 - a + 0.1 = 0), then z = ln(a / (1 - a)).")
                .mistake(-z, "That is the other solution: sigma' is symmetric, sigma'(-z) = sigma'(z). The exercise asks for the positive z.")
                .mistake(a, "That is a. Now turn it into z = ln(a / (1 - a)).")
                .mistake(1 - a, "That is the smaller root a. Take the larger one and turn it into z = ln(a / (1 - a)).")
                .mistake(Math.log(0.1), "z is not ln(0.1): first solve a(1 - a) = 0.1 for a.")
                .check(myZ);
    }

    /**
     * Exercise 4: the factor w * sigma'(z) by which a backward signal is multiplied on a connection
     * of weight w = 3 into a sigmoid neuron at z = 0.
     *
     * @param myFactor the learner's w sigma'(0)
     * @return the verdict
     */
    public static Verdict factorForWeightThree(double myFactor) {
        // factor = w * sigma'(z), with w = 3 and z = 0
        double factor = 3 * SIGMA.derivative(0, SIGMA.value(0));
        return NumberCheck.of("factor w * sigma'(z) for w = 3 at z = 0", factor)
                .hint("Multiply the weight by the sigmoid's slope at z = 0.")
                .mistake(SIGMA.derivative(0, SIGMA.value(0)), "That is sigma'(0) alone: the signal also travels along the weight w = 3.")
                .mistake(3.0, "That is w alone: multiply by the slope sigma'(0).")
                .mistake(3 * SIGMA.value(0), "sigma(0) is the value; use the slope sigma'(0) = sigma(0)(1 - sigma(0)).")
                .whenRight("Three times the bound 0.25 that holds for weights of size at most 1; with |w| > 4 the factor exceeds 1 and the signal grows.")
                .check(myFactor);
    }
}
