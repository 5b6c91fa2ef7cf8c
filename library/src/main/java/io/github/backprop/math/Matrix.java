package io.github.backprop.math;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable matrix of doubles, stored row by row.
 *
 * <p>This is the reader's matrix: traces, forward passes and gradients hand out {@code Matrix}
 * values that can be looked at, printed and turned into tables without any risk of changing the
 * network. Every method returns a new object or a copy; nothing here is modified after
 * construction. The training loop works on plain row-major arrays instead (see {@code nn.Layer}).
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Copies a rectangular array into a matrix.
     *
     * @param values rows of equal length; not modified
     * @return the matrix
     * @throws IllegalArgumentException if the array is empty or ragged
     */
    public static Matrix of(double[][] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row, got none");
        }
        int cols = values[0].length;
        double[] data = new double[values.length * cols];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length
                        + " values, expected " + cols + " like row 0");
            }
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Matrix(values.length, cols, data);
    }

    /**
     * Copies {@code rows * cols} values stored row by row, starting at {@code offset}.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param rowMajor values, row 0 first; not modified
     * @param offset index of the first value
     * @return the matrix
     */
    public static Matrix copyOf(int rows, int cols, double[] rowMajor, int offset) {
        if (rows < 0 || cols < 0 || offset < 0 || offset + rows * cols > rowMajor.length) {
            throw new IllegalArgumentException("cannot read a " + rows + "x" + cols
                    + " matrix at offset " + offset + " from " + rowMajor.length + " values");
        }
        return new Matrix(rows, cols, Arrays.copyOfRange(rowMajor, offset, offset + rows * cols));
    }

    /** A matrix with one row holding a copy of {@code values}. */
    public static Matrix rowVector(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** The value in row {@code i}, column {@code j} (both from 0). */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix");
        }
        return data[i * cols + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is outside a matrix with " + rows + " rows");
        }
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A copy as a rectangular array. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** A copy of all values, row by row. */
    public double[] toRowMajorArray() {
        return data.clone();
    }

    /** The transpose (a new matrix). */
    public Matrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /** The Frobenius norm: sqrt(sum of squares of all entries). */
    public double norm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** Rows in brackets, values with up to 6 significant digits, e.g. {@code [[0.5, 1], [2, 3]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(String.format(Locale.ROOT, "%.6g", data[i * cols + j]).replaceAll("\\.?0+(e|$)", "$1"));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
