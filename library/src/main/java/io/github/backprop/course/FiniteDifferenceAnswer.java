package io.github.backprop.course;

import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;

/**
 * Judges a derivative a learner measured with a central finite difference. Such a number differs
 * from the exact derivative in its last digits (by about h^2, plus rounding), so it is right when it
 * agrees to a relative {@value #AGREEMENT}, which any central difference with a sensible h does and
 * a one-sided difference does not; otherwise the check judges it as it judges any typed number.
 */
final class FiniteDifferenceAnswer {
    /** How closely a central difference must agree with the exact derivative, relative. */
    static final double AGREEMENT = 1e-6;

    private FiniteDifferenceAnswer() {
    }

    /**
     * @param check the check of the exact derivative
     * @param exact the exact derivative (the check's expected value)
     * @param answer the learner's finite difference
     * @return right if the answer agrees to {@link #AGREEMENT}, else the check's verdict
     */
    static Verdict judge(NumberCheck check, double exact, double answer) {
        if (Double.isFinite(answer) && Math.abs(answer - exact) <= AGREEMENT * Math.abs(exact)) {
            return check.check(exact);
        }
        return check.check(answer);
    }
}
