package io.github.backprop.exercise;

import java.util.Objects;

/**
 * What a check says about a learner's answer: right, not yet right (with a hint that points at the
 * step to redo), or not answered yet. A verdict never contains the expected answer.
 *
 * <p>In a notebook a verdict is a cell's last expression; it shows as one line of text:
 * <pre>
 * ✔ Right: dL/db of the output neuron.
 * ✘ Not yet: dL/db of the output neuron. The bias multiplies the constant input 1: which factor of dL/dw drops out?
 * … Not answered yet: replace Double.NaN with your dL/db of the output neuron.
 * </pre>
 *
 * @param outcome right, wrong or unanswered
 * @param message the sentence shown to the learner
 */
public record Verdict(Outcome outcome, String message) {

    /** The three things a check can say. */
    public enum Outcome {
        /** The answer is right. */
        RIGHT("✔ Right: "),
        /** The answer is wrong; the message is a hint. */
        WRONG("✘ Not yet: "),
        /** The learner has not replaced the placeholder yet. */
        UNANSWERED("… Not answered yet: ");

        private final String prefix;

        Outcome(String prefix) {
            this.prefix = prefix;
        }

        /** The start of the line shown for this outcome, e.g. {@code "✔ Right: "}. */
        public String prefix() {
            return prefix;
        }
    }

    /**
     * @throws NullPointerException if the outcome or message is null
     * @throws IllegalArgumentException if the message is blank
     */
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a verdict needs a message");
        }
    }

    /** A right answer; {@code message} says what was right (and may add why). */
    public static Verdict right(String message) {
        return new Verdict(Outcome.RIGHT, message);
    }

    /** A wrong answer; {@code hint} points at the step to redo, never at the answer. */
    public static Verdict wrong(String hint) {
        return new Verdict(Outcome.WRONG, hint);
    }

    /** No answer yet; {@code message} says what to replace. */
    public static Verdict unanswered(String message) {
        return new Verdict(Outcome.UNANSWERED, message);
    }

    /**
     * One verdict for an exercise with several parts: the first part not answered yet, else the
     * first wrong part, else one right verdict naming every part.
     *
     * @param parts the parts' verdicts, in the order the exercise asks them
     * @return the combined verdict
     */
    public static Verdict all(Verdict... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("no verdicts to combine");
        }
        for (Outcome outcome : new Outcome[] {Outcome.UNANSWERED, Outcome.WRONG}) {
            for (Verdict part : parts) {
                if (part.outcome() == outcome) {
                    return part;
                }
            }
        }
        StringBuilder all = new StringBuilder();
        for (Verdict part : parts) {
            all.append(all.length() == 0 ? "" : " ").append(part.message());
        }
        return right(all.toString());
    }

    /** True only for a right answer. */
    public boolean passed() {
        return outcome == Outcome.RIGHT;
    }

    /** The line a notebook shows: the outcome's mark and the message. */
    @Override
    public String toString() {
        return outcome.prefix() + message;
    }
}
