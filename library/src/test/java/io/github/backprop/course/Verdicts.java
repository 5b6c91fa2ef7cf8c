package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on exercise verdicts, shared by the tests of every notebook's exercises. */
final class Verdicts {
    private Verdicts() {
    }

    static void assertRight(Verdict verdict) {
        assertEquals(Verdict.Outcome.RIGHT, verdict.outcome(), verdict::toString);
    }

    static void assertUnanswered(Verdict verdict) {
        assertEquals(Verdict.Outcome.UNANSWERED, verdict.outcome(), verdict::toString);
    }

    /**
     * The verdict is "not yet", its hint contains {@code hintPart}, and it does not show the
     * answer (it does not contain {@code answerPrefix}, the right value's leading digits).
     */
    static void assertWrong(Verdict verdict, String hintPart, String answerPrefix) {
        assertEquals(Verdict.Outcome.WRONG, verdict.outcome(), verdict::toString);
        has(verdict.message(), hintPart);
        assertFalse(verdict.message().contains(answerPrefix), () -> "the hint shows the answer: " + verdict);
    }

    static void has(String text, String part) {
        assertTrue(text.contains(part), () -> "expected \"" + part + "\" in: " + text);
    }
}
