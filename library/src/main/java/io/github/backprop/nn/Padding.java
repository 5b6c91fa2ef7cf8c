package io.github.backprop.nn;

/** How a convolution treats the border of its input. */
public enum Padding {
    /**
     * No padding: the kernel only visits positions where it lies wholly inside the input, so a
     * k x k kernel on an h x w input gives (h - k + 1) x (w - k + 1) outputs.
     */
    VALID,
    /**
     * Zero padding so the output has the input's height and width: k - 1 rows of zeros are added,
     * (k - 1) / 2 (rounded down) above and the rest below, and the same for columns (left, right).
     */
    SAME;

    /**
     * Zeros added before the first row (or column) for a kernel of size {@code kernel}.
     *
     * @param kernel the kernel size k
     * @return 0 for VALID, (k - 1) / 2 for SAME
     */
    public int before(int kernel) {
        return this == SAME ? (kernel - 1) / 2 : 0;
    }

    /**
     * Output rows (or columns) for an input of {@code input} rows and a kernel of size {@code kernel}.
     *
     * @param input input rows (or columns)
     * @param kernel the kernel size k
     * @return input - k + 1 for VALID, input for SAME
     */
    public int outputSize(int input, int kernel) {
        return this == SAME ? input : input - kernel + 1;
    }

    /** {@code "valid"} or {@code "same"}, as in model files. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
