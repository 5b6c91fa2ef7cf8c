package io.github.backprop.exercise;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("An exact number check")
class ExactNumberCheckTest {
    // notebook 4: a hidden delta whose only outgoing weight is 0
    final NumberCheck zero = NumberCheck.of("delta of hidden neuron 0", 0.0)
            .hint("The weight is the only path to the loss.")
            .mistake(0.013367920422887458, "That is delta with the old weight.")
            .exact();
    // notebook 2: the peak of tanh'
    final NumberCheck one = NumberCheck.of("largest value of tanh'(z)", 1.0)
            .mistake(0.25, "That is the sigmoid's peak.")
            .exact();

    @ParameterizedTest(name = "accepts {0} for 0")
    @ValueSource(doubles = {0.0, -0.0, 1e-13})
    @DisplayName("accepts the value typed or computed")
    void acceptsZero(double answer) {
        assertTrue(zero.check(answer).passed(), zero.check(answer).toString());
    }

    @Test
    @DisplayName("accepts 1 however it is typed, and 1 computed with its last bits off")
    void acceptsOne() {
        assertTrue(one.check(1).passed());
        assertTrue(one.check(1.0 - 1e-15).passed());
    }

    @ParameterizedTest(name = "rejects {0} for 0")
    @ValueSource(doubles = {0.01, -0.01, 0.1, 1e-6})
    @DisplayName("rejects a rounded neighbour of 0, which a plain check would take as typed to its last digit")
    void rejectsNeighboursOfZero(double answer) {
        assertFalse(zero.check(answer).passed(), zero.check(answer).toString());
        assertTrue(zero.check(answer).message().contains("only path"), zero.check(answer).toString());
    }

    @Test
    @DisplayName("rejects 0.9 and 1.1 for 1, and still names a typical mistake typed to fewer digits")
    void rejectsNeighboursOfOne() {
        assertFalse(one.check(0.9).passed());
        assertFalse(one.check(1.1).passed());
        assertEquals(Verdict.Outcome.WRONG, zero.check(0.013368).outcome());
        assertTrue(zero.check(0.013368).message().contains("old weight"), zero.check(0.013368).toString());
        assertTrue(one.check(0.25).message().contains("sigmoid's peak"));
    }

    @Test
    @DisplayName("waits for an answer")
    void unanswered() {
        assertEquals(Verdict.Outcome.UNANSWERED, zero.check(Double.NaN).outcome());
    }
}
