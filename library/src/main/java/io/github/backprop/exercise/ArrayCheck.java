package io.github.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks an array a learner computed in code (a layer's z, a, delta, dW, db) against the trusted
 * value, entry by entry. A wrong answer is told what is wrong without being shown the answer: a
 * shape that differs (and whether it looks transposed), the first entry that is not filled in, a
 * {@link #mistake typical mistake} it matches, or the first entry that differs and by how much.
 * Entries agree when they are equal to a relative 1e-9 (another order of the same operations may
 * differ in the last bits), or within the {@link #tolerance tolerance} set for an estimate (a
 * finite-difference gradient, say).
 *
 * <pre>{@code
 * ArrayCheck dW = ArrayCheck.of("dW of layer 2", expected)
 *         .shapeHint("dW has the shape of W: one row per neuron j of this layer, one column per input i.")
 *         .mistake(timesB, "Every entry is B times too large: dW is the mean over the batch, not the sum.");
 * dW.check(myDW)
 * }</pre>
 *
 * A vector ({@code double[]}) is checked as a vector and its entries are named {@code [i]};
 * a matrix's entries are named {@code [row][column]}. Instances are immutable.
 */
public final class ArrayCheck {
    private final String quantity;
    private final double[][] expected;
    private final boolean vector;
    private final String shapeHint;
    private final String hint;
    private final List<Mistake> mistakes;
    private final double relative;
    private final double absolute;

    private record Mistake(double[][] value, String hint) {
    }

    private ArrayCheck(String quantity, double[][] expected, boolean vector, String shapeHint, String hint,
            List<Mistake> mistakes, double relative, double absolute) {
        this.quantity = quantity;
        this.expected = expected;
        this.vector = vector;
        this.shapeHint = shapeHint;
        this.hint = hint;
        this.mistakes = List.copyOf(mistakes);
        this.relative = relative;
        this.absolute = absolute;
    }

    /**
     * A check of a matrix (copied; the caller's array is not kept).
     *
     * @param quantity what the array is, e.g. "dW of layer 2"
     * @param expected the right values, rectangular, finite
     * @return the check
     */
    public static ArrayCheck of(String quantity, double[][] expected) {
        return new ArrayCheck(requireQuantity(quantity), copyChecked(quantity, expected), false, "", defaultHint(), List.of(),
                NumberCheck.COMPUTED_RELATIVE, NumberCheck.COMPUTED_ABSOLUTE);
    }

    /**
     * A check of a vector (copied).
     *
     * @param quantity what the vector is, e.g. "delta of layer 1"
     * @param expected the right values, finite
     * @return the check
     */
    public static ArrayCheck of(String quantity, double[] expected) {
        Objects.requireNonNull(expected, "expected");
        return new ArrayCheck(requireQuantity(quantity), copyChecked(quantity, new double[][] {expected}), true, "",
                defaultHint(), List.of(), NumberCheck.COMPUTED_RELATIVE, NumberCheck.COMPUTED_ABSOLUTE);
    }

    /** What the rows and columns mean, added to a shape message (e.g. "rows are neurons j"). */
    public ArrayCheck shapeHint(String sentence) {
        return new ArrayCheck(quantity, expected, vector, NumberCheck.requireText(sentence), hint, mistakes, relative, absolute);
    }

    /** The general hint for wrong values: which step to redo. Must not contain the answer. */
    public ArrayCheck hint(String sentence) {
        return new ArrayCheck(quantity, expected, vector, shapeHint, NumberCheck.requireText(sentence), mistakes, relative, absolute);
    }

    /**
     * How close an entry must be to count as equal, for answers that are estimates rather than
     * exact computations (a finite-difference gradient agrees with another one to about 1e-9, not
     * to the last bits). An entry agrees when |answer - expected| &lt;= max(absolute, relative * |expected|).
     * Set it before adding {@link #mistake mistakes}: they are told apart with the same tolerance.
     *
     * @param relative the relative tolerance, at least 1e-9 (the default) and less than 1
     * @param absolute the tolerance for entries at or near 0, at least 1e-12 (the default) and less than 1
     * @return the check with this tolerance
     * @throws IllegalArgumentException for a tolerance out of range, or if mistakes were already added
     */
    public ArrayCheck tolerance(double relative, double absolute) {
        if (!(relative >= NumberCheck.COMPUTED_RELATIVE && relative < 1) || !(absolute >= NumberCheck.COMPUTED_ABSOLUTE && absolute < 1)) {
            throw new IllegalArgumentException("tolerance of " + quantity + ": relative must be in [1e-9, 1) and absolute in [1e-12, 1), got "
                    + relative + " and " + absolute);
        }
        if (!mistakes.isEmpty()) {
            throw new IllegalArgumentException("tolerance of " + quantity + ": set it before adding mistakes");
        }
        return new ArrayCheck(quantity, expected, vector, shapeHint, hint, mistakes, relative, absolute);
    }

    /** A typical wrong result (same shape) and the hint for it, e.g. dW without the 1/B. */
    public ArrayCheck mistake(double[][] wrongValue, String hintForIt) {
        double[][] wrong = copyChecked(quantity, wrongValue);
        return addMistake(wrong, hintForIt);
    }

    /** A typical wrong result of a vector check and the hint for it. */
    public ArrayCheck mistake(double[] wrongValue, String hintForIt) {
        Objects.requireNonNull(wrongValue, "wrongValue");
        return addMistake(copyChecked(quantity, new double[][] {wrongValue}), hintForIt);
    }

    private ArrayCheck addMistake(double[][] wrong, String hintForIt) {
        if (sameShape(wrong, expected) && firstDifference(wrong, expected) == null) {
            throw new IllegalArgumentException("a mistake for " + quantity + " equals the expected value");
        }
        List<Mistake> more = new ArrayList<>(mistakes);
        more.add(new Mistake(wrong, NumberCheck.requireText(hintForIt)));
        return new ArrayCheck(quantity, expected, vector, shapeHint, hint, more, relative, absolute);
    }

    /** What this check checks. */
    public String quantity() {
        return quantity;
    }

    /**
     * Judges a matrix answer.
     *
     * @param answer the learner's array (not modified); null means not answered yet
     * @return the verdict
     */
    public Verdict check(double[][] answer) {
        if (answer == null) {
            return Verdict.unanswered("fill in your " + quantity + ".");
        }
        if (vector) {
            return Verdict.wrong("your " + quantity + " is a matrix, but it is a vector of " + expected[0].length
                    + " numbers (double[])." + withShapeHint());
        }
        return judge(answer);
    }

    /**
     * Judges a vector answer.
     *
     * @param answer the learner's vector (not modified); null means not answered yet
     * @return the verdict
     */
    public Verdict check(double[] answer) {
        if (answer == null) {
            return Verdict.unanswered("fill in your " + quantity + ".");
        }
        if (!vector) {
            return Verdict.wrong("your " + quantity + " is a vector, but it is a matrix of " + shape(expected)
                    + " (double[][])." + withShapeHint());
        }
        return judge(new double[][] {answer});
    }

    /** True if {@link #check(double[][])} would say right. */
    public boolean accepts(double[][] answer) {
        return check(answer).passed();
    }

    /** True if {@link #check(double[])} would say right. */
    public boolean accepts(double[] answer) {
        return check(answer).passed();
    }

    private Verdict judge(double[][] answer) {
        for (int r = 0; r < answer.length; r++) {
            if (answer[r] == null) {
                return Verdict.wrong("row " + r + " of your " + quantity + " is null.");
            }
        }
        if (!sameShape(answer, expected)) {
            String transposed = isTransposeShape(answer, expected) ? " It looks transposed." : "";
            return Verdict.wrong("your " + quantity + " is " + shape(answer) + " but it should be " + shape(expected)
                    + "." + transposed + withShapeHint());
        }
        for (int r = 0; r < answer.length; r++) {
            for (int c = 0; c < answer[r].length; c++) {
                if (Double.isNaN(answer[r][c])) {
                    return Verdict.unanswered("entry " + name(r, c) + " of your " + quantity + " is still NaN.");
                }
            }
        }
        int[] first = firstDifference(answer, expected);
        if (first == null) {
            return Verdict.right(quantity + ": every entry agrees.");
        }
        for (Mistake m : mistakes) {
            if (sameShape(answer, m.value()) && firstDifference(answer, m.value()) == null) {
                return Verdict.wrong("your " + quantity + " is not right yet. " + m.hint());
            }
        }
        int r = first[0];
        int c = first[1];
        double off = answer[r][c] - expected[r][c];
        return Verdict.wrong("entry " + name(r, c) + " of your " + quantity + " is off by "
                + String.format(java.util.Locale.ROOT, "%.2e", Math.abs(off))
                + (off > 0 ? " (yours is larger)" : " (yours is smaller)")
                + (expected[r][c] != 0 && Math.abs(answer[r][c] + expected[r][c]) < Math.abs(off) * 1e-6 ? ", and only its sign is wrong" : "")
                + ". " + hint);
    }

    private String withShapeHint() {
        return shapeHint.isEmpty() ? "" : " " + shapeHint;
    }

    private String name(int r, int c) {
        return vector ? "[" + c + "]" : "[" + r + "][" + c + "]";
    }

    private String shape(double[][] m) {
        if (vector) {
            return m[0].length + (m[0].length == 1 ? " number" : " numbers");
        }
        return m.length + "x" + (m.length == 0 ? 0 : m[0].length);
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != b[r].length) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTransposeShape(double[][] a, double[][] b) {
        if (b.length == 0 || a.length != b[0].length) {
            return false;
        }
        for (double[] row : a) {
            if (row.length != b.length) {
                return false;
            }
        }
        return true;
    }

    /** The first entry where a and b (same shape) disagree, or null. */
    private int[] firstDifference(double[][] a, double[][] b) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                if (!NumberCheck.agrees(a[r][c], b[r][c], relative, absolute)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    private static String requireQuantity(String quantity) {
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.isBlank()) {
            throw new IllegalArgumentException("a check needs to say what it checks");
        }
        return quantity;
    }

    private static String defaultHint() {
        return "Redo that step for this entry and compare with the equation above the cell.";
    }

    private static double[][] copyChecked(String quantity, double[][] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("the expected value of " + quantity + " is empty");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != values[0].length) {
                throw new IllegalArgumentException("shape mismatch: row " + r + " of " + quantity + " has "
                        + (values[r] == null ? "no values" : values[r].length + " values") + ", row 0 has " + values[0].length);
            }
            for (int c = 0; c < values[r].length; c++) {
                if (!Double.isFinite(values[r][c])) {
                    throw new IllegalArgumentException("entry [" + r + "][" + c + "] of " + quantity + " is " + values[r][c]);
                }
            }
            copy[r] = values[r].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "check of " + quantity + " (" + shape(expected) + ")";
    }
}
