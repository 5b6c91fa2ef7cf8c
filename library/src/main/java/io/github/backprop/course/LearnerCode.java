package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;

import java.util.function.Supplier;

/**
 * Runs a function the learner wrote and turns what can go wrong into a verdict: a step not written
 * yet (it still throws {@code UnsupportedOperationException("write this step")}), an index out of
 * bounds (with the step's own hint on which index runs over what), a null array, or any other
 * exception, named with its message.
 *
 * @param <T> what the function returns
 */
final class LearnerCode<T> {
    private final T value;
    private final Verdict problem;

    private LearnerCode(T value, Verdict problem) {
        this.value = value;
        this.problem = problem;
    }

    /**
     * Calls the learner's function.
     *
     * @param name how the notebook calls it, e.g. {@code "hiddenDelta"}
     * @param call the call
     * @param indexHint what to look at when an index is out of bounds
     * @param <T> the result type
     * @return the result, or the problem as a verdict
     */
    static <T> LearnerCode<T> run(String name, Supplier<T> call, String indexHint) {
        try {
            return new LearnerCode<>(call.get(), null);
        } catch (UnsupportedOperationException e) {
            return new LearnerCode<>(null, Verdict.unanswered("write " + name + ": it still throws \"" + e.getMessage()
                    + "\". Replace that line with your code, run its cell, then this one."));
        } catch (IndexOutOfBoundsException e) {
            return new LearnerCode<>(null, Verdict.wrong("your " + name + " threw " + e.getClass().getSimpleName() + " ("
                    + e.getMessage() + "). " + indexHint));
        } catch (NullPointerException e) {
            return new LearnerCode<>(null, Verdict.wrong("your " + name + " threw a NullPointerException"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + ". Create every array before you fill it (new double[rows][columns]) and return the array you filled."));
        } catch (RuntimeException e) {
            return new LearnerCode<>(null, Verdict.wrong("your " + name + " threw " + e + "."));
        }
    }

    /**
     * The result of a step the learner may not have written yet.
     *
     * @param call the call
     * @param <T> the result type
     * @return the result, or null while the step still throws UnsupportedOperationException
     */
    static <T> T ifWritten(Supplier<T> call) {
        try {
            return call.get();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** True if the function returned (possibly null). */
    boolean ran() {
        return problem == null;
    }

    /** What the function returned (null if it did not return). */
    T value() {
        return value;
    }

    /** What went wrong (null if it returned). */
    Verdict problem() {
        return problem;
    }
}
