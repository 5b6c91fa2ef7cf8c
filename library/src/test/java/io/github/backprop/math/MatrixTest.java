package io.github.backprop.math;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Matrix")
class MatrixTest {
    static final double[][] VALUES = {{1, 2, 3}, {4, 5, 6}};

    @Nested
    @DisplayName("of(double[][])")
    class Of {

        @Test
        @DisplayName("keeps the shape and every value, row by row")
        void shapeAndValues() {
            Matrix m = Matrix.of(VALUES);
            assertEquals(2, m.rows());
            assertEquals(3, m.cols());
            assertEquals(6.0, m.get(1, 2));
            assertArrayEquals(new double[] {4, 5, 6}, m.row(1));
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toRowMajorArray());
            assertArrayEquals(VALUES, m.toArray());
        }

        @Test
        @DisplayName("copies its argument, so changing the array later does not change the matrix")
        void copies() {
            double[][] v = {{1, 2}, {3, 4}};
            Matrix m = Matrix.of(v);
            v[0][0] = 99;
            assertEquals(1.0, m.get(0, 0));
        }

        @Test
        @DisplayName("hands out copies, so changing them does not change the matrix")
        void handsOutCopies() {
            Matrix m = Matrix.of(VALUES);
            m.row(0)[0] = 99;
            m.toArray()[0][1] = 99;
            m.toRowMajorArray()[2] = 99;
            assertEquals(Matrix.of(VALUES), m);
        }

        @Test
        @DisplayName("rejects no rows and ragged rows, naming the row and both lengths")
        void rejects() {
            assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[0][]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Matrix.of(new double[][] {{1, 2}, {3}}));
            assertEquals("row 1 has 1 values, expected 2 like row 0", e.getMessage());
        }
    }

    @Test
    @DisplayName("copyOf reads rows x cols values from an offset")
    void copyOf() {
        Matrix m = Matrix.copyOf(2, 2, new double[] {9, 1, 2, 3, 4, 9}, 1);
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), m);
        assertThrows(IllegalArgumentException.class, () -> Matrix.copyOf(2, 2, new double[] {1, 2, 3}, 0));
    }

    @Test
    @DisplayName("transpose swaps rows and columns")
    void transpose() {
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), Matrix.of(VALUES).transpose());
    }

    @Test
    @DisplayName("norm is the square root of the sum of squares")
    void norm() {
        assertEquals(5.0, Matrix.of(new double[][] {{3, 0}, {0, -4}}).norm(), 0.0);
    }

    @Test
    @DisplayName("rowVector holds one row")
    void rowVector() {
        Matrix m = Matrix.rowVector(1, 2);
        assertEquals(1, m.rows());
        assertEquals(2, m.cols());
    }

    @Test
    @DisplayName("get and row name the position and the shape when out of range")
    void outOfRange() {
        Matrix m = Matrix.of(VALUES);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertEquals("(2, 0) is outside a 2x3 matrix", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(5));
    }

    @Test
    @DisplayName("equal matrices have the same shape and values (and hash code)")
    void equality() {
        assertEquals(Matrix.of(VALUES), Matrix.of(VALUES));
        assertEquals(Matrix.of(VALUES).hashCode(), Matrix.of(VALUES).hashCode());
        assertNotEquals(Matrix.of(VALUES), Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
    }

    @Test
    @DisplayName("prints rows in brackets with up to 6 significant digits")
    void printing() {
        assertEquals("[[0.5, 1], [2, 0.333333]]", Matrix.of(new double[][] {{0.5, 1}, {2, 1.0 / 3}}).toString());
        assertTrue(Matrix.of(new double[][] {{1e-9}}).toString().contains("e-09"));
    }
}
