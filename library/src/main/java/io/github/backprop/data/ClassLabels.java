package io.github.backprop.data;

/** How a {@link Dataset} finds its class labels in its targets. */
final class ClassLabels {
    private ClassLabels() {
    }

    /**
     * Each sample's class, if every target row is one-hot (the index of its 1) or a single 0/1 value;
     * null if any row is neither, i.e. the targets are not class labels.
     *
     * @param y targets, row-major
     * @param rows samples
     * @param cols targets per sample
     * @return the labels, or null
     */
    static int[] infer(double[] y, int rows, int cols) {
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (cols == 1) {
                double v = y[r];
                if (v != 0.0 && v != 1.0) {
                    return null;
                }
                labels[r] = (int) v;
            } else {
                int hot = -1;
                for (int c = 0; c < cols; c++) {
                    double v = y[r * cols + c];
                    if (v == 1.0 && hot < 0) {
                        hot = c;
                    } else if (v != 0.0) {
                        return null;
                    }
                }
                if (hot < 0) {
                    return null;
                }
                labels[r] = hot;
            }
        }
        return labels;
    }
}
