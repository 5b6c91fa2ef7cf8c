package io.github.backprop.internal.kernel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static io.github.backprop.internal.kernel.KernelsTest.random;
import static io.github.backprop.internal.kernel.KernelsTest.textbook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Label("The matrix kernels on random shapes, strides and row ranges")
class KernelsProperties {

    @Property(tries = 600)
    @Label("the plain kernels add A(i,p)·B(p,j) as the triple loop does, the Vector API kernels fuse it in as the triple loop with fma does")
    void products(@ForAll @IntRange(min = 1, max = 37) int n, @ForAll @IntRange(min = 1, max = 70) int inner,
                  @ForAll @IntRange(min = 1, max = 45) int m, @ForAll boolean transposedA,
                  @ForAll @IntRange(min = 0, max = 5) int offset, @ForAll("scales") double scale,
                  @ForAll boolean vector) {
        int aRow = transposedA ? 1 : inner;
        int aCol = transposedA ? n : 1;
        double[] a = random(offset + n * inner, n);
        double[] b = random(offset + inner * m, m);
        double[] c = new double[n * m];
        if (vector) {
            VectorTiles.product(a, offset, aRow, aCol, b, offset, m, inner, m, scale, c, 0, n);
        } else {
            RowLoops.product(false, a, offset, aRow, aCol, b, offset, m, inner, m, scale, c, 0, n);
        }
        assertArrayEquals(scaled(textbook(a, offset, aRow, aCol, b, offset, m, inner, n, m, vector), scale), c);
    }

    @Property(tries = 100)
    @Label("a range of rows is computed alone, and the rest of C is left as it was")
    void rowRanges(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 0, max = 40) int from,
                   @ForAll @IntRange(min = 0, max = 40) int count, @ForAll boolean vector) {
        int start = Math.min(from, n);
        int end = Math.min(n, start + count);
        int inner = 11;
        int m = 37;
        double[] a = random(n * inner, 1);
        double[] b = random(inner * m, 2);
        double[] c = random(n * m, 3);
        double[] before = c.clone();
        if (vector) {
            VectorTiles.product(a, 0, inner, 1, b, 0, m, inner, m, 1.0, c, start, end);
        } else {
            RowLoops.product(false, a, 0, inner, 1, b, 0, m, inner, m, 1.0, c, start, end);
        }
        double[] expected = textbook(a, 0, inner, 1, b, 0, m, inner, n, m, vector);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double want = i >= start && i < end ? expected[i * m + j] : before[i * m + j];
                assertEquals(want, c[i * m + j], "C[" + i + "][" + j + "]");
            }
        }
    }

    @Property(tries = 300)
    @Label("the Vector API's z = a · Wᵀ fuses the terms in ascending p, as the triple loop with fma does, in slices of p or not")
    void vectorTransposedB(@ForAll @IntRange(min = 1, max = 23) int n, @ForAll @IntRange(min = 1, max = 300) int k,
                           @ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 0, max = 5) int offset,
                           @ForAll @IntRange(min = 0, max = 40) int from, @ForAll @IntRange(min = 0, max = 40) int count) {
        int start = Math.min(from, m);
        int end = Math.min(m, start + count);
        double[] a = random(offset + n * k, k);
        double[] b = random(m * k, m);
        double[] c = random(n * m, 3);
        double[] before = c.clone();
        VectorTiles.transposedB(a, offset, n, k, b, m, c, start, end);
        // Bᵀ(p,j) = B(j,p) = b[j*k + p]
        double[] expected = KernelsTest.textbook(a, offset, k, 1, b, 0, 1, k, k, n, m, true);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                // only the columns from start to end - 1 are computed
                double want = j >= start && j < end ? expected[i * m + j] : before[i * m + j];
                assertEquals(want, c[i * m + j], "C[" + i + "][" + j + "]");
            }
        }
    }

    @Property(tries = 300)
    @Label("the row kernels add or fuse the terms in ascending p, as the triple loop does, for z = a · Wᵀ too, on any range of rows")
    void rowKernels(@ForAll @IntRange(min = 1, max = 37) int n, @ForAll @IntRange(min = 1, max = 70) int inner,
                    @ForAll @IntRange(min = 1, max = 45) int m, @ForAll boolean transposedA,
                    @ForAll @IntRange(min = 0, max = 5) int offset, @ForAll("scales") double scale,
                    @ForAll boolean fused, @ForAll @IntRange(min = 0, max = 37) int from) {
        int aRow = transposedA ? 1 : inner;
        int aCol = transposedA ? n : 1;
        double[] a = random(offset + n * inner, n);
        double[] b = random(offset + inner * m, m);
        double[] c = new double[n * m];
        RowLoops.product(fused, a, offset, aRow, aCol, b, offset, m, inner, m, scale, c, 0, n);
        assertArrayEquals(scaled(textbook(a, offset, aRow, aCol, b, offset, m, inner, n, m, fused), scale), c);
        // z = a · Wᵀ for rows start..n-1 only: W here is m x inner, Wᵀ(p,j) = w[j*inner + p]
        int start = Math.min(from, n);
        double[] w = random(m * inner, inner);
        double[] z = random(n * m, 5);
        double[] before = z.clone();
        RowLoops.transposedB(fused, a, offset, inner, w, m, z, start, n);
        double[] expected = textbook(a, offset, inner, 1, w, 0, 1, inner, inner, n, m, fused);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double want = i >= start ? expected[i * m + j] : before[i * m + j];
                assertEquals(want, z[i * m + j], "z[" + i + "][" + j + "]");
            }
        }
    }

    @Provide
    Arbitrary<Double> scales() {
        return Arbitraries.of(1.0, 0.25, 1.0 / 3, -2.5);
    }

    static double[] scaled(double[] c, double scale) {
        double[] out = c.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = c[i] * scale;
        }
        return out;
    }
}
