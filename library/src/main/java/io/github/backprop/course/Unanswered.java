package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;

/**
 * "Not answered yet" before any right answer is computed: some of the right answers take seconds of
 * training, and a notebook runs every exercise cell unanswered. The messages are those of
 * {@code ExactCheck} and {@code NumberCheck} for the same quantity.
 */
final class Unanswered {
    private Unanswered() {
    }

    /** The verdict for an answer still {@code null} (an ExactCheck's placeholder). */
    static Verdict ofNull(String quantity) {
        return Verdict.unanswered("replace null with your " + quantity + ".");
    }

    /** The verdict for an answer still {@code Double.NaN} (a NumberCheck's placeholder). */
    static Verdict ofNaN(String quantity) {
        return Verdict.unanswered("replace Double.NaN with your " + quantity + ".");
    }
}
