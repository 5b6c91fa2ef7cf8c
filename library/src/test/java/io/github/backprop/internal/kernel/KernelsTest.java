package io.github.backprop.internal.kernel;

import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kernel is compared with the textbook triple loop, bit for bit: the plain kernels with
 * {@code sum += A(i,p) * B(p,j)} and the Vector API kernels with {@code sum = fma(A(i,p), B(p,j), sum)},
 * both in ascending p. (The library's tests run with {@code --add-modules jdk.incubator.vector},
 * so both implementations are available here.)
 */
@DisplayName("The fast matrix kernels compute exactly the textbook triple loops")
class KernelsTest {
    /** The kernels the library chose for this JVM: the Vector API ones, as the build configures the tests. */
    private static final Kernels K = Kernels.chosen();

    static double[] random(int size, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    /** The textbook loop for C = A · B with A(i,p) = a[aOffset + i·aRow + p·aCol], summing in ascending p, fused or not. */
    static double[] textbook(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int ldb,
                             int inner, int n, int m, boolean fused) {
        return textbook(a, aOffset, aRow, aCol, b, bOffset, ldb, 1, inner, n, m, fused);
    }

    /** The same with B(p,j) = b[bOffset + p·bRow + j·bCol]. */
    static double[] textbook(double[] a, int aOffset, int aRow, int aCol, double[] b, int bOffset, int bRow, int bCol,
                             int inner, int n, int m, boolean fused) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < inner; p++) {
                    double x = a[aOffset + i * aRow + p * aCol];
                    double y = b[bOffset + p * bRow + j * bCol];
                    sum = fused ? Math.fma(x, y, sum) : sum + x * y;
                }
                c[i * m + j] = sum;
            }
        }
        return c;
    }

    static boolean vectorKernelsInUse() {
        return K.fused();
    }

    @Test
    @DisplayName("the tests run with the Vector API kernels, as the library's build configures them")
    void testsUseTheVectorKernels() {
        assertTrue(vectorKernelsInUse(), K.description());
    }

    @Nested
    @DisplayName("the choice between row kernels and tiles")
    class Choice {
        /** A product of 64 x 128 x 128 multiply-adds, above the threshold for large products. */
        void runLargeProducts(Kernels kernels, int count) {
            int n = 64;
            int k = 128;
            int m = 128;
            assertTrue((long) n * k * m >= SharedKernels.PARALLEL_WORK, "a large product");
            double[] big = random(n * k, 3);
            double[] bigW = random(m * k, 4);
            double[] z = new double[n * m];
            for (int i = 0; i < count; i++) {
                kernels.multiplyTransposedB(big, 0, n, k, bigW, m, z);
            }
        }

        @Test
        @DisplayName("depends on a product's size alone, not on how many products ran before, with the same results either way")
        void bySizeAlone() {
            VectorApiKernels kernels = new VectorApiKernels(Kernels.Sharing.BY_SIZE, VectorApiKernels.Tiles.LARGE_ONLY);
            long small = 32L * 64 * 10;
            assertFalse(kernels.onTiles(small), "a small product runs on the row loops");
            assertTrue(kernels.onTiles(SharedKernels.PARALLEL_WORK), "a large product runs on the tiles");
            double[] a = random(32 * 64, 1);
            double[] w = random(10 * 64, 2);
            double[] before = new double[32 * 10];
            kernels.multiplyTransposedB(a, 0, 32, 64, w, 10, before);
            runLargeProducts(kernels, 1000);
            assertFalse(kernels.onTiles(small), "still the row loops after a thousand large products");
            double[] after = new double[32 * 10];
            kernels.multiplyTransposedB(a, 0, 32, 64, w, 10, after);
            assertArrayEquals(before, after);
            assertArrayEquals(textbook(a, 0, 64, 1, w, 0, 1, 64, 64, 32, 10, true), after);
            double[] tiles = new double[32 * 10];
            new VectorApiKernels(Kernels.Sharing.NEVER, VectorApiKernels.Tiles.ALWAYS).multiplyTransposedB(a, 0, 32, 64,
                    w, 10, tiles);
            assertArrayEquals(after, tiles, "the tiles give the same sums bit for bit");
        }

        @Test
        @DisplayName("of the chosen kernels is the same whatever ran before in this JVM (this test passes alone and after any other)")
        void chosenKernelsKeepTheirChoice() {
            VectorApiKernels chosen = (VectorApiKernels) Kernels.chosen();
            long small = 32L * 64 * 10;
            assertFalse(chosen.onTiles(small));
            runLargeProducts(chosen, 1000);
            assertFalse(chosen.onTiles(small), "what another test or an earlier training run leaves behind changes nothing");
        }
    }

    @Nested
    @DisplayName("the chosen kernels, on odd and tiny shapes")
    class FrontDoor {
        @ParameterizedTest(name = "n={0}, k={1}, m={2}, offset={3}")
        @CsvSource({"1,1,1,0", "1,7,3,2", "3,5,1,0", "4,4,4,1", "5,3,7,3", "7,13,11,0", "33,64,32,5", "64,100,10,0",
            "17,1,9,4", "8,9,16,0", "9,20,17,1", "23,31,40,2", "64,784,128,0", "32,64,10,0", "13,129,30,1",
            "8,256,16,0"})
        @DisplayName("C = A · Bᵀ, with an offset into A")
        void multiplyTransposedB(int n, int k, int m, int offset) {
            double[] a = random(offset + n * k, 1);
            double[] b = random(m * k, 2);
            double[] c = random(n * m + 3, 9);
            double[] tail = java.util.Arrays.copyOfRange(c, n * m, n * m + 3);
            K.multiplyTransposedB(a, offset, n, k, b, m, c);
            // Bᵀ(p,j) = B(j,p) = b[j*k + p]
            double[] expected = textbook(a, offset, k, 1, b, 0, 1, k, k, n, m, vectorKernelsInUse());
            assertArrayEquals(expected, java.util.Arrays.copyOf(c, n * m));
            assertArrayEquals(tail, java.util.Arrays.copyOfRange(c, n * m, n * m + 3), "values past C are left alone");
        }

        @ParameterizedTest(name = "n={0}, k={1}, m={2}, offset={3}")
        @CsvSource({"1,1,1,0", "1,7,3,2", "3,5,1,0", "4,4,4,1", "5,3,7,3", "7,13,11,0", "33,64,32,5", "64,10,100,0",
            "2,9,1,4", "64,128,784,0", "29,17,33,3"})
        @DisplayName("C = Aᵀ · B, with an offset into B")
        void multiplyTransposedA(int n, int k, int m, int offset) {
            double[] a = random(n * k, 3);
            double[] b = random(offset + n * m, 4);
            double[] c = random(k * m, 9);
            K.multiplyTransposedA(a, n, k, b, offset, m, 1.0, c);
            assertArrayEquals(textbook(a, 0, 1, k, b, offset, m, n, k, m, vectorKernelsInUse()), c);
        }

        @ParameterizedTest(name = "n={0}, k={1}, m={2}, s={3}")
        @CsvSource({"64,128,784,0.015625", "29,10,32,0.034482758620689655", "3,4,5,-2"})
        @DisplayName("C = s · Aᵀ · B, each sum multiplied by s as it is stored")
        void multiplyTransposedAScaled(int n, int k, int m, double s) {
            double[] a = random(n * k, 3);
            double[] b = random(n * m, 4);
            double[] c = new double[k * m];
            K.multiplyTransposedA(a, n, k, b, 0, m, s, c);
            double[] expected = textbook(a, 0, 1, k, b, 0, m, n, k, m, vectorKernelsInUse());
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= s;
            }
            assertArrayEquals(expected, c);
        }

        @ParameterizedTest(name = "{0} values")
        @CsvSource({"1", "7", "1000", "100352", "100353"})
        @DisplayName("y = y + s · x, value by value, on short arrays and on long ones shared between threads")
        void addScaled(int count) {
            double[] y = random(count + 2, 1);
            double[] x = random(count, 2);
            double[] expected = y.clone();
            for (int i = 0; i < count; i++) {
                expected[i] = y[i] - 0.1 * x[i];
            }
            K.addScaled(y, -0.1, x, count);
            assertArrayEquals(expected, y);
        }

        @ParameterizedTest(name = "{0} values")
        @CsvSource({"0", "1", "7", "32767", "32768", "50176", "100353"})
        @DisplayName("a copy, short or shared between threads, writes exactly the values asked for and nothing around them")
        void copy(int count) {
            double[] src = random(count + 5, 3);
            double[] dst = random(count + 9, 4);
            double[] expected = dst.clone();
            System.arraycopy(src, 5, expected, 4, count);
            K.copy(src, 5, dst, 4, count);
            assertArrayEquals(expected, dst);
        }

        @ParameterizedTest(name = "{0} values")
        @CsvSource({"0", "1", "4095", "4096", "10001"})
        @DisplayName("element-wise work covers every value once, in one range below 4,096 values and in one per thread from there")
        void elementwise(int count) {
            int[] visits = new int[count];
            java.util.concurrent.atomic.AtomicInteger ranges = new java.util.concurrent.atomic.AtomicInteger();
            K.elementwise(count, (from, to) -> {
                ranges.incrementAndGet();
                for (int i = from; i < to; i++) {
                    visits[i]++;
                }
            });
            for (int i = 0; i < count; i++) {
                assertEquals(1, visits[i], "value " + i);
            }
            boolean shared = count >= SharedKernels.SHARED_FUNCTION_VALUES && RowSplit.threads() >= 2;
            assertEquals(shared ? RowSplit.threads() : 1, ranges.get(), "ranges");
        }

        @ParameterizedTest(name = "n={0}, k={1}, m={2}")
        @CsvSource({"1,1,1", "2,3,5", "7,13,11", "64,10,128", "5,1,3", "16,8,24"})
        @DisplayName("C = A · B")
        void multiply(int n, int k, int m) {
            double[] a = random(n * k, 5);
            double[] b = random(k * m, 6);
            double[] c = random(n * m, 9);
            K.multiply(a, n, k, b, m, c);
            assertArrayEquals(textbook(a, 0, k, 1, b, 0, m, k, n, m, vectorKernelsInUse()), c);
        }
    }

    @Nested
    @DisplayName("sharing a large product between threads")
    class Threads {
        @Test
        @DisplayName("gives the same C, bit for bit, as one thread computing every row")
        void sameResultAsOneThread() {
            int n = 72;
            int k = 300;
            int m = 130;
            assertTrue((long) n * k * m >= SharedKernels.PARALLEL_WORK, "the product is large enough to be shared");
            double[] a = random(n * k, 7);
            double[] b = random(k * m, 8);
            double[] shared = new double[n * m];
            K.multiply(a, n, k, b, m, shared);
            double[] alone = new double[n * m];
            VectorTiles.product(a, 0, k, 1, b, 0, m, k, m, 1.0, alone, 0, n);
            assertArrayEquals(alone, shared);
        }

        @Test
        @DisplayName("gives the same z = a · Wᵀ, bit for bit, as one thread computing every column")
        void sameZAsOneThread() {
            int n = 64;
            int k = 300;
            int m = 130;
            double[] a = random(n * k, 7);
            double[] b = random(m * k, 8);
            double[] shared = new double[n * m];
            K.multiplyTransposedB(a, 0, n, k, b, m, shared);
            double[] alone = new double[n * m];
            VectorTiles.transposedB(a, 0, n, k, b, m, alone, 0, m);
            assertArrayEquals(alone, shared);
        }

        @ParameterizedTest(name = "{0} rows in {1} parts, blocks of {2}")
        @CsvSource({"64,2,8", "128,2,8", "72,2,8", "17,2,8", "100,3,8", "8,1,8", "784,2,16", "100352,2,8"})
        @DisplayName("splits the rows into consecutive parts of about the same size, in whole blocks")
        void boundaries(int rows, int parts, int align) {
            assertEquals(0, RowSplit.boundary(rows, parts, 0, align));
            assertEquals(rows, RowSplit.boundary(rows, parts, parts, align));
            for (int t = 1; t < parts; t++) {
                int boundary = RowSplit.boundary(rows, parts, t, align);
                assertEquals(0, boundary % align, "part " + t + " starts on a whole block");
                assertTrue(boundary >= RowSplit.boundary(rows, parts, t - 1, align), "parts are in order");
                assertTrue(Math.abs(boundary - (long) rows * t / parts) <= align, "parts are about the same size");
            }
        }

        @Test
        @DisplayName("passes on an exception from any part, after every part has stopped, and can share work again afterwards")
        void failingPart() {
            org.junit.jupiter.api.Assumptions.assumeTrue(RowSplit.threads() >= 2, "needs two processors to share the rows");
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            for (int failing = 0; failing < 2; failing++) {
                int failingPart = failing;
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> RowSplit.run(64, 8, true, (from, to) -> {
                    if ((from == 0) == (failingPart == 0)) {
                        throw new IllegalStateException("part from row " + from + " failed");
                    }
                    finished.incrementAndGet();
                }));
                assertTrue(e.getMessage().startsWith("part from row"), e.getMessage());
            }
            assertEquals(2, finished.get(), "the part that did not fail ran to its end each time");
            sameResultAsOneThread();
        }

        @Test
        @DisplayName("completes the product and leaves the caller's interrupt set")
        void keepsTheInterrupt() {
            int n = 64;
            int k = 784;
            int m = 128;
            double[] a = random(n * k, 1);
            double[] b = random(k * m, 2);
            double[] c = new double[n * m];
            Thread.currentThread().interrupt();
            try {
                K.multiply(a, n, k, b, m, c);
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is still set");
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(textbook(a, 0, k, 1, b, 0, m, k, n, m, true), c);
        }
    }

    @Nested
    @DisplayName("work done later by the helper threads (the copy of the next mini-batch)")
    class Later {
        /** Rows order[from + i] (or from + i) of src, width values each, as one array. */
        private double[] expectedRows(double[] src, int[] order, int from, int rows, int width) {
            double[] expected = new double[rows * width];
            for (int i = 0; i < rows; i++) {
                int r = order == null ? from + i : order[from + i];
                System.arraycopy(src, r * width, expected, i * width, width);
            }
            return expected;
        }

        /** Starts copying those rows into dst, a row per piece, as training copies a mini-batch. */
        private Kernels.Pending copyLater(double[] src, int[] order, int from, int rows, int width, double[] dst) {
            return K.later(rows, 1, (first, end) -> {
                for (int i = first; i < end; i++) {
                    int r = order == null ? from + i : order[from + i];
                    System.arraycopy(src, r * width, dst, i * width, width);
                }
            });
        }

        private int[] reversed(int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = n - 1 - i;
            }
            return order;
        }

        @ParameterizedTest(name = "{0} rows of {1}, ordered: {2}")
        @CsvSource({"0,784,false", "1,3,false", "5,7,true", "64,784,false", "64,784,true", "63,785,true", "41,800,false",
                "2000,17,true"})
        @DisplayName("copies exactly the rows asked for, in stored order or by an order of rows, and nothing past them")
        void copiesTheRows(int rows, int width, boolean ordered) {
            int sourceRows = rows + 10;
            double[] src = random(sourceRows * width, 11);
            int[] order = ordered ? reversed(sourceRows) : null;
            double[] dst = random(rows * width + 3, 12);
            double[] expected = dst.clone();
            System.arraycopy(expectedRows(src, order, 4, rows, width), 0, expected, 0, rows * width);
            Kernels.Pending copy = copyLater(src, order, 4, rows, width, dst);
            copy.await();
            assertArrayEquals(expected, dst);
            copy.await();
            assertArrayEquals(expected, dst, "awaiting again changes nothing");
        }

        @Test
        @DisplayName("is complete after await even while the helpers were busy with shared products, again and again")
        void completeWhileProductsAreShared() {
            int n = 64;
            int k = 784;
            int m = 128;
            double[] a = random(n * k, 13);
            double[] w = random(m * k, 14);
            double[] z = new double[n * m];
            K.multiplyTransposedB(a, 0, n, k, w, m, z);
            double[] expectedZ = z.clone();
            int sourceRows = 640;
            double[] data = random(sourceRows * k, 15);
            int[] order = reversed(sourceRows);
            for (int step = 0; step < 40; step++) {
                double[] dst = new double[n * k];
                int from = (step * 37) % (sourceRows - n);
                int[] rowOrder = step % 2 == 0 ? null : order;
                Kernels.Pending copy = copyLater(data, rowOrder, from, n, k, dst);
                K.multiplyTransposedB(a, 0, n, k, w, m, z);
                copy.await();
                assertArrayEquals(expectedRows(data, rowOrder, from, n, k), dst, "step " + step);
                assertArrayEquals(expectedZ, z, "step " + step);
            }
        }

        @Test
        @DisplayName("a second piece of work offered before the first is awaited leaves both complete")
        void twoCopies() {
            int k = 784;
            double[] data = random(200 * k, 16);
            double[] first = new double[64 * k];
            double[] second = new double[64 * k];
            Kernels.Pending one = copyLater(data, null, 0, 64, k, first);
            Kernels.Pending two = copyLater(data, null, 100, 64, k, second);
            two.await();
            one.await();
            assertArrayEquals(expectedRows(data, null, 0, 64, k), first);
            assertArrayEquals(expectedRows(data, null, 100, 64, k), second);
        }

        @Test
        @DisplayName("throws on the caller's thread what a piece threw, once every piece is done")
        void failingPiece() {
            int[] done = new int[10];
            Kernels.Pending work = K.later(10, 1, (first, end) -> {
                if (first == 3) {
                    throw new IndexOutOfBoundsException("row 3 is outside");
                }
                done[first]++;
            });
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, work::await);
            assertEquals("row 3 is outside", e.getMessage());
            for (int i = 0; i < 10; i++) {
                assertEquals(i == 3 ? 0 : 1, done[i], "piece " + i);
            }
        }

        @Test
        @DisplayName("refuses a piece size below one, naming both numbers")
        void refusesBadPieces() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> K.later(10, 0, (f, t) -> { }));
            assertTrue(e.getMessage().contains("10 indices, 0 at a time"), e.getMessage());
        }
    }
}
