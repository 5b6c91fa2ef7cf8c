package io.github.backprop.exercise;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Exercise checks")
class ChecksTest {

    @Nested
    @DisplayName("a number check")
    class Numbers {
        // the second hidden neuron's delta in notebooks 4 and 5
        final double expected = 0.014996075488896851;
        final NumberCheck check = NumberCheck.of("db of hidden neuron 1", expected)
                .hint("db equals the neuron's delta.")
                .mistake(0.013367920422887458, "That is neuron 0's delta.");

        @ParameterizedTest(name = "accepts {0}")
        @ValueSource(doubles = {0.014996075488896851, 0.01499607548889685, 0.0149961, 0.014996, 0.01499, 0.0150, 0.014})
        @DisplayName("accepts the value as computed, as printed, rounded or cut off")
        void acceptsWhatALearnerCanRead(double answer) {
            assertTrue(check.check(answer).passed(), check.check(answer).toString());
            assertTrue(check.check(answer).toString().startsWith("✔ Right: db of hidden neuron 1."), check.check(answer).toString());
        }

        @Test
        @DisplayName("accepts a value computed in another order (last bits differ)")
        void acceptsComputedValues() {
            assertTrue(check.accepts(expected * (1 + 1e-12)));
        }

        @ParameterizedTest(name = "rejects {0}")
        @ValueSource(doubles = {0.015997, 0.0139, 0.1499, 1.4996, 0.0, 0.016})
        @DisplayName("rejects wrong values with the general hint")
        void rejectsWrongValues(double answer) {
            Verdict verdict = check.check(answer);
            assertEquals(Verdict.Outcome.WRONG, verdict.outcome());
            has(verdict.message(), "db equals the neuron's delta.");
        }

        @Test
        @DisplayName("asks for more digits when the answer is too coarse to tell")
        void asksForMoreDigits() {
            Verdict verdict = check.check(0.01);
            assertEquals(Verdict.Outcome.WRONG, verdict.outcome());
            has(verdict.message(), "at least 2 significant digits");
            has(NumberCheck.of("x", 0.274811).significantDigits(3).check(0.27).message(), "at least 3 significant digits");
        }

        @Test
        @DisplayName("names a typical mistake when the answer matches it")
        void namesTypicalMistakes() {
            has(check.check(0.013368).message(), "That is neuron 0's delta.");
        }

        @Test
        @DisplayName("says when only the sign is wrong")
        void saysWhenOnlyTheSignIsWrong() {
            has(check.check(-0.014996).message(), "sign");
        }

        @Test
        @DisplayName("treats NaN as not answered yet and infinity as wrong")
        void unansweredAndInfinite() {
            assertEquals(Verdict.Outcome.UNANSWERED, check.check(Double.NaN).outcome());
            assertEquals("… Not answered yet: replace Double.NaN with your db of hidden neuron 1.", check.check(Double.NaN).toString());
            assertEquals(Verdict.Outcome.WRONG, check.check(Double.POSITIVE_INFINITY).outcome());
        }

        @ParameterizedTest(name = "never reveals the answer for {0}")
        @ValueSource(doubles = {Double.NaN, 0.0, 0.01, 0.013368, -0.014996, 0.5, 1e9})
        @DisplayName("never shows the expected value")
        void neverRevealsTheAnswer(double answer) {
            String text = check.check(answer).toString();
            lacks(text, "0.0149"); lacks(text, "0.0150"); lacks(text, "0.015");
        }

        @Test
        @DisplayName("accepts exactly zero for an expected zero, and rejects a small non-zero typed value")
        void zero() {
            NumberCheck zero = NumberCheck.of("delta_0", 0.0);
            assertTrue(zero.accepts(0.0));
            assertTrue(zero.accepts(1e-14));
            assertFalse(zero.accepts(0.001));
        }

        @Test
        @DisplayName("refuses a mistake equal to the answer, a non-finite expected value, and blank text")
        void refusesBadConfiguration() {
            assertThrows(IllegalArgumentException.class, () -> check.mistake(expected, "x"));
            assertThrows(IllegalArgumentException.class, () -> NumberCheck.of("x", Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> check.hint(" "));
            assertThrows(IllegalArgumentException.class, () -> check.significantDigits(0));
        }

        @Test
        @DisplayName("is immutable: configuring returns a new check")
        void isImmutable() {
            NumberCheck plain = NumberCheck.of("x", 1.5);
            plain.hint("something else");
            has(plain.check(2.5).message(), "Recompute it step by step");
        }
    }

    @Nested
    @DisplayName("an exact check")
    class Exact {
        final ExactCheck<Sign> sign = ExactCheck.of("the sign of the output delta", Sign.NEGATIVE)
                .hint("delta = (a - y) sigma'(z): compare a with the target.")
                .mistake(Sign.ZERO, "sigma'(z) is never 0.");

        @Test
        @DisplayName("accepts the right answer and rejects others with their hints")
        void judges() {
            assertTrue(sign.check(Sign.NEGATIVE).passed());
            has(sign.check(Sign.POSITIVE).message(), "compare a with the target");
            has(sign.check(Sign.ZERO).message(), "never 0");
            assertEquals(Verdict.Outcome.UNANSWERED, sign.check(null).outcome());
        }

        @Test
        @DisplayName("works for whole numbers")
        void wholeNumbers() {
            ExactCheck<Integer> epochs = ExactCheck.of("the number of epochs", 1362);
            assertTrue(epochs.accepts(1362));
            assertFalse(epochs.accepts(1361));
            lacks(epochs.check(1400).toString(), "1362");
        }

        @Test
        @DisplayName("the sign of a value")
        void signOf() {
            assertEquals(Sign.NEGATIVE, Sign.of(-0.2));
            assertEquals(Sign.ZERO, Sign.of(0.0));
            assertEquals(Sign.POSITIVE, Sign.of(3));
            assertThrows(IllegalArgumentException.class, () -> Sign.of(Double.NaN));
        }
    }

    @Nested
    @DisplayName("an array check")
    class Arrays {
        final double[][] dW = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}};
        final ArrayCheck check = ArrayCheck.of("dW of layer 1", dW)
                .shapeHint("dW has the shape of W: a row per neuron j, a column per input i.")
                .mistake(new double[][] {{0.2, 0.4, 0.6}, {0.8, 1.0, 1.2}}, "Every entry is B times too large: average over the batch.");

        @Test
        @DisplayName("accepts the same values, and values equal up to rounding of the last bits")
        void acceptsEqualValues() {
            assertTrue(check.check(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6 * (1 + 1e-13)}}).passed());
        }

        @Test
        @DisplayName("names the shape, and says when it looks transposed")
        void namesTheShape() {
            Verdict verdict = check.check(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}});
            has(verdict.message(), "3x2"); has(verdict.message(), "2x3"); has(verdict.message(), "transposed"); has(verdict.message(), "a row per neuron j");
        }

        @Test
        @DisplayName("names the first entry that differs and by how much, without its value")
        void namesTheFirstDifference() {
            Verdict verdict = check.check(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.45, 0.7}});
            has(verdict.message(), "entry [1][1]"); has(verdict.message(), "off by 5.00e-02"); has(verdict.message(), "smaller");
            lacks(verdict.message(), "0.5");
        }

        @Test
        @DisplayName("names a typical mistake")
        void namesAMistake() {
            has(check.check(new double[][] {{0.2, 0.4, 0.6}, {0.8, 1.0, 1.2}}).message(), "B times too large");
        }

        @Test
        @DisplayName("treats null and NaN entries as not answered")
        void unanswered() {
            assertEquals(Verdict.Outcome.UNANSWERED, check.check((double[][]) null).outcome());
            has(check.check(new double[][] {{0.1, Double.NaN, 0.3}, {0.4, 0.5, 0.6}}).message(), "[0][1]");
        }

        @Test
        @DisplayName("checks vectors as vectors")
        void vectors() {
            ArrayCheck db = ArrayCheck.of("db of layer 1", new double[] {0.5, -0.25});
            assertTrue(db.check(new double[] {0.5, -0.25}).passed());
            has(db.check(new double[] {0.5, 0.25}).message(), "entry [1]"); has(db.check(new double[] {0.5, 0.25}).message(), "only its sign is wrong");
            has(db.check(new double[][] {{0.5, -0.25}}).message(), "is a matrix");
            has(check.check(new double[] {0.1}).message(), "is a vector");
        }

        @Test
        @DisplayName("does not keep or change the caller's arrays")
        void copies() {
            double[][] mine = {{1, 2}};
            ArrayCheck c = ArrayCheck.of("x", mine);
            mine[0][0] = 5;
            assertTrue(c.accepts(new double[][] {{1, 2}}));
            double[][] answer = {{1, 2}};
            c.check(answer);
            assertEquals(java.util.List.of(1.0, 2.0), java.util.List.of(answer[0][0], answer[0][1]));
        }

        @Test
        @DisplayName("refuses ragged, empty or non-finite expected values")
        void refusesBadExpectedValues() {
            assertThrows(IllegalArgumentException.class, () -> ArrayCheck.of("x", new double[][] {{1}, {1, 2}}));
            assertThrows(IllegalArgumentException.class, () -> ArrayCheck.of("x", new double[0][]));
            assertThrows(IllegalArgumentException.class, () -> ArrayCheck.of("x", new double[] {Double.NaN}));
        }
    }

    static void has(String text, String part) {
        assertTrue(text.contains(part), () -> "expected \"" + part + "\" in: " + text);
    }

    static void lacks(String text, String part) {
        assertFalse(text.contains(part), () -> "did not expect \"" + part + "\" in: " + text);
    }
}
