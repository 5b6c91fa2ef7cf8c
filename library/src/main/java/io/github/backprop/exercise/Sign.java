package io.github.backprop.exercise;

/** The sign of a number, for questions such as "what sign would delta have?". */
public enum Sign {
    /** Greater than zero. */
    POSITIVE,
    /** Less than zero. */
    NEGATIVE,
    /** Exactly zero. */
    ZERO;

    /**
     * The sign of a value.
     *
     * @throws IllegalArgumentException for NaN, which has no sign
     */
    public static Sign of(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN has no sign");
        }
        return value > 0 ? POSITIVE : value < 0 ? NEGATIVE : ZERO;
    }
}
