package io.github.backprop.course;

import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("An exercise answered before its right answer is computed")
class UnansweredTest {

    @Test
    @DisplayName("says what the checks say for a null or NaN placeholder")
    void sameAsTheChecks() {
        assertEquals(ExactCheck.of("count of things", 3).check(null), Unanswered.ofNull("count of things"));
        assertEquals(NumberCheck.of("size of things", 0.5).check(Double.NaN), Unanswered.ofNaN("size of things"));
    }
}
