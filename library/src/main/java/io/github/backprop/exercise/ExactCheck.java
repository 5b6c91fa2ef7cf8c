package io.github.backprop.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an answer that is right or wrong with nothing in between: a count, a class label, a
 * {@link Sign}, a choice from an enum, a yes/no. {@code null} means not answered yet, so a notebook
 * starts the answer as {@code Integer myEpochs = null;} or {@code Sign mySign = null;}.
 *
 * <pre>{@code
 * ExactCheck<Sign> sign = ExactCheck.of("the sign of the output delta", Sign.of(delta))
 *         .hint("delta = (a - y) sigma'(z), and sigma'(z) > 0: compare a with the new target.");
 * sign.check(mySign)
 * }</pre>
 *
 * Instances are immutable: every method that configures returns a new check.
 *
 * @param <T> the answer's type
 */
public final class ExactCheck<T> {
    private final String quantity;
    private final T expected;
    private final String hint;
    private final String whenRight;
    private final Map<T, String> mistakes;

    private ExactCheck(String quantity, T expected, String hint, String whenRight, Map<T, String> mistakes) {
        this.quantity = quantity;
        this.expected = expected;
        this.hint = hint;
        this.whenRight = whenRight;
        this.mistakes = Map.copyOf(mistakes);
    }

    /**
     * A check of one exact answer.
     *
     * @param quantity what the answer is, as the learner knows it
     * @param expected the right answer (not null)
     * @param <T> the answer's type
     * @return the check, with a general hint
     */
    public static <T> ExactCheck<T> of(String quantity, T expected) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(expected, "expected");
        if (quantity.isBlank()) {
            throw new IllegalArgumentException("a check needs to say what it checks");
        }
        return new ExactCheck<>(quantity, expected, "Look again at the cells above.", "", Map.of());
    }

    /** The general hint for a wrong answer: which step to redo. Must not contain the answer. */
    public ExactCheck<T> hint(String hint) {
        return new ExactCheck<>(quantity, expected, NumberCheck.requireText(hint), whenRight, mistakes);
    }

    /** A sentence added to a right answer's verdict. */
    public ExactCheck<T> whenRight(String sentence) {
        return new ExactCheck<>(quantity, expected, hint, NumberCheck.requireText(sentence), mistakes);
    }

    /** A typical wrong answer and the hint for it. */
    public ExactCheck<T> mistake(T wrongAnswer, String hintForIt) {
        Objects.requireNonNull(wrongAnswer, "wrongAnswer");
        if (wrongAnswer.equals(expected)) {
            throw new IllegalArgumentException("the mistake " + wrongAnswer + " is the expected answer of " + quantity);
        }
        Map<T, String> more = new LinkedHashMap<>(mistakes);
        more.put(wrongAnswer, NumberCheck.requireText(hintForIt));
        return new ExactCheck<>(quantity, expected, hint, whenRight, more);
    }

    /** What this check checks. */
    public String quantity() {
        return quantity;
    }

    /**
     * Judges an answer.
     *
     * @param answer the learner's answer; null means not answered yet
     * @return the verdict (never containing the expected answer)
     */
    public Verdict check(T answer) {
        if (answer == null) {
            return Verdict.unanswered("replace null with your " + quantity + ".");
        }
        if (answer.equals(expected)) {
            return Verdict.right(quantity + "." + (whenRight.isEmpty() ? "" : " " + whenRight));
        }
        String specific = mistakes.get(answer);
        return Verdict.wrong("that is not " + quantity + ". " + (specific != null ? specific : hint));
    }

    /** True if {@link #check} would say right. */
    public boolean accepts(T answer) {
        return check(answer).passed();
    }

    @Override
    public String toString() {
        return "check of " + quantity;
    }
}
