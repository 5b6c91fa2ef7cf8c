package io.github.backprop.exercise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a number a learner computed or read off a notebook.
 *
 * <p>An answer is right when it agrees with the expected value to the last digit the learner
 * wrote: {@code 0.0149961}, {@code 0.014996}, {@code 0.01499} and {@code 0.015} are all right for
 * 0.014996075..., because a table or a rounded printout may show any of them, and a learner may round
 * or cut off. The answer must carry at least {@link #significantDigits(int) two significant digits}
 * by default ({@code 0.01} is too coarse). An answer computed in code is right when it agrees to a
 * relative 1e-9 (another order of the same operations may differ in the last bits).
 *
 * <p>A wrong answer gets a hint: the one registered for a {@link #mistake(double, String) typical
 * mistake} the answer matches, a sign hint when only the sign is wrong, or the general
 * {@link #hint(String) hint}. No message ever contains the expected value.
 *
 * <pre>{@code
 * NumberCheck db = NumberCheck.of("dL/db of the output neuron", trace.layer(2).db().get(0, 0))
 *         .hint("The bias is a weight on an input that is always 1.")
 *         .mistake(dW, "That is dL/dw of a weight: the bias's input is 1, not a hidden activation.");
 * db.check(myDb)
 * }</pre>
 *
 * Instances are immutable: every method that configures returns a new check.
 */
public final class NumberCheck {
    /** Agreement that counts as exact for an answer computed in code: relative 1e-9. */
    static final double COMPUTED_RELATIVE = 1e-9;
    /** ... and an absolute floor for expected values at or near 0. */
    static final double COMPUTED_ABSOLUTE = 1e-12;
    /** The significant digits of an {@link #exact()} check: no typed rounding is accepted. */
    private static final int EXACT = 0;

    private final String quantity;
    private final double expected;
    private final String hint;
    private final String whenRight;
    private final int significantDigits;
    private final List<Mistake> mistakes;

    private record Mistake(double value, String hint) {
    }

    private NumberCheck(String quantity, double expected, String hint, String whenRight, int significantDigits,
            List<Mistake> mistakes) {
        this.quantity = quantity;
        this.expected = expected;
        this.hint = hint;
        this.whenRight = whenRight;
        this.significantDigits = significantDigits;
        this.mistakes = List.copyOf(mistakes);
    }

    /**
     * A check of one number.
     *
     * @param quantity what the number is, as the learner knows it (e.g. "dL/db of the output neuron")
     * @param expected the right value
     * @return the check, with a general hint to recompute the quantity
     * @throws IllegalArgumentException if the quantity is blank or the expected value is not finite
     */
    public static NumberCheck of(String quantity, double expected) {
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.isBlank()) {
            throw new IllegalArgumentException("a check needs to say what it checks");
        }
        if (!Double.isFinite(expected)) {
            throw new IllegalArgumentException("the expected value of " + quantity + " is " + expected + ", not a finite number");
        }
        return new NumberCheck(quantity, expected, "Recompute it step by step from the cells above.", "", 2, List.of());
    }

    /** The general hint for a wrong answer: which step to redo. Must not contain the answer. */
    public NumberCheck hint(String hint) {
        return new NumberCheck(quantity, expected, requireText(hint), whenRight, significantDigits, mistakes);
    }

    /** A sentence added to a right answer's verdict (why it is right, what it means). */
    public NumberCheck whenRight(String sentence) {
        return new NumberCheck(quantity, expected, hint, requireText(sentence), significantDigits, mistakes);
    }

    /**
     * A typical wrong answer and the hint for it, e.g. the value a learner gets when they forget
     * f'(z). An answer that matches it (to its own last digit) gets this hint instead of the general
     * one. A mistake value that equals the expected value is refused.
     */
    public NumberCheck mistake(double wrongValue, String hintForIt) {
        if (!Double.isFinite(wrongValue)) {
            throw new IllegalArgumentException("a mistake's value must be finite, got " + wrongValue);
        }
        if (agreesWhenComputed(wrongValue, expected)) {
            throw new IllegalArgumentException("the mistake " + wrongValue + " equals the expected value of " + quantity);
        }
        List<Mistake> more = new ArrayList<>(mistakes);
        more.add(new Mistake(wrongValue, requireText(hintForIt)));
        return new NumberCheck(quantity, expected, hint, whenRight, significantDigits, more);
    }

    /**
     * The fewest significant digits a typed answer must have (default 2). Note that a double cannot
     * keep trailing zeros: {@code 0.0150} is {@code 0.015}, two digits.
     */
    public NumberCheck significantDigits(int digits) {
        if (digits < 1 || digits > 15) {
            throw new IllegalArgumentException("significant digits must be 1 to 15, got " + digits);
        }
        return new NumberCheck(quantity, expected, hint, whenRight, digits, mistakes);
    }

    /**
     * Makes the expected value exact, for answers such as "delta becomes 0" or "the peak is 1": an
     * answer is right only when it agrees to a relative 1e-9 (absolute 1e-12 near 0), however it
     * is typed, so a rounded neighbour such as {@code 0.01} for 0 or {@code 0.9} for 1 is wrong.
     * Typical mistakes are still recognised to the digits typed.
     */
    public NumberCheck exact() {
        return new NumberCheck(quantity, expected, hint, whenRight, EXACT, mistakes);
    }

    /** What this check checks, as given to {@link #of}. */
    public String quantity() {
        return quantity;
    }

    /**
     * Judges an answer.
     *
     * @param answer the learner's number; {@code Double.NaN} means not answered yet
     * @return the verdict (never containing the expected value)
     */
    public Verdict check(double answer) {
        if (Double.isNaN(answer)) {
            return Verdict.unanswered("replace Double.NaN with your " + quantity + ".");
        }
        if (Double.isInfinite(answer)) {
            return Verdict.wrong("your " + quantity + " is infinite. " + hint);
        }
        Match match = significantDigits == EXACT
                ? (agreesWhenComputed(answer, expected) ? Match.YES : Match.NO)
                : match(answer, expected);
        if (match == Match.YES) {
            return Verdict.right(quantity + "." + (whenRight.isEmpty() ? "" : " " + whenRight));
        }
        for (Mistake m : mistakes) {
            if (match(answer, m.value()) == Match.YES) {
                return Verdict.wrong("that is not " + quantity + ". " + m.hint());
            }
        }
        if (match == Match.TOO_COARSE) {
            return Verdict.wrong("give your " + quantity + " with at least " + significantDigits
                    + " significant digits (read them off the output, or compute it in the cell).");
        }
        if (expected != 0 && match(-answer, expected) == Match.YES) {
            return Verdict.wrong("the size is right but the sign is not. Check the sign of each factor of "
                    + quantity + ".");
        }
        return Verdict.wrong("that is not " + quantity + ". " + hint);
    }

    /** True if {@link #check} would say right. */
    public boolean accepts(double answer) {
        return check(answer).passed();
    }

    private enum Match { YES, TOO_COARSE, NO }

    private Match match(double answer, double target) {
        if (agreesWhenComputed(answer, target)) {
            return Match.YES;
        }
        if (answer == 0) {
            return Match.NO;
        }
        BigDecimal typed = BigDecimal.valueOf(answer).stripTrailingZeros();
        // one unit in the last digit the learner wrote: 0.01499 -> 0.00001
        double lastDigit = Math.pow(10, -typed.scale());
        if (Math.abs(answer - target) > lastDigit * (1 + 1e-9)) {
            return Match.NO;
        }
        // an exact check still recognises typical mistakes typed to at least two digits
        int digits = significantDigits == EXACT ? 2 : significantDigits;
        return typed.precision() >= digits ? Match.YES : Match.TOO_COARSE;
    }

    static boolean agreesWhenComputed(double answer, double target) {
        return agrees(answer, target, COMPUTED_RELATIVE, COMPUTED_ABSOLUTE);
    }

    /** Whether |answer - target| is at most the larger of {@code absolute} and {@code relative} |target|. */
    static boolean agrees(double answer, double target, double relative, double absolute) {
        return Math.abs(answer - target) <= Math.max(absolute, relative * Math.abs(target));
    }

    static String requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a hint or message must not be blank");
        }
        return text;
    }

    @Override
    public String toString() {
        return "check of " + quantity;
    }
}
