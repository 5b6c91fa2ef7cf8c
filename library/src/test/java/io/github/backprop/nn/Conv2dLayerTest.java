package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A 2-D convolution layer")
class Conv2dLayerTest {
    static final double EXACT = 1e-12;

    /**
     * The worked example: a 3x3 image, one 2x2 kernel with VALID padding and ReLU, then flatten
     * and one linear output neuron, with the MSE loss.
     * <pre>
     *   x = 1 2 1     K =  1 -1     b = -0.5
     *       0 1 3          0  2
     *       2 1 1
     * </pre>
     */
    static final double[][] X = {{1, 2, 1, 0, 1, 3, 2, 1, 1}};
    static final double[][][][] K = {{{{1, -1}, {0, 2}}}};
    static final double[] B = {-0.5};
    static final double[][] W2 = {{0.5, 0.2, -1, 2}};
    static final double[][] Y = {{2.05}};

    static Network workedExample() {
        return Network.builder(Shape.image(1, 3, 3))
                .conv2d(K, B, Padding.VALID, Activations.relu())
                .flatten()
                .dense(W2, new double[] {0}, Activations.identity())
                .build();
    }

    @Nested
    @DisplayName("on the worked 3x3 example with a 2x2 kernel")
    class WorkedExample {
        final Trace trace = Backpropagation.trace(workedExample(), Losses.mse(), X, Y);
        final LayerTrace conv = trace.layer(1);

        @Test
        @DisplayName("computes z[i][j] = b + sum_pq K[p][q] x[i+p][j+q] at each of the 2x2 positions")
        void forwardZ() {
            // z00 = -0.5 + 1*1 - 1*2 + 0*0 + 2*1 = 0.5
            // z01 = -0.5 + 1*2 - 1*1 + 0*1 + 2*3 = 6.5
            // z10 = -0.5 + 1*0 - 1*1 + 0*2 + 2*1 = 0.5
            // z11 = -0.5 + 1*1 - 1*3 + 0*1 + 2*1 = -0.5
            assertArrayEquals(new double[] {0.5, 6.5, 0.5, -0.5}, conv.z().row(0), EXACT);
            assertEquals(Shape.image(1, 2, 2), conv.zShape());
        }

        @Test
        @DisplayName("applies ReLU: a = max(0, z)")
        void forwardA() {
            assertArrayEquals(new double[] {0.5, 6.5, 0.5, 0}, conv.a().row(0), EXACT);
            // output = 0.5*0.5 + 0.2*6.5 - 1*0.5 + 2*0 = 1.05
            assertEquals(1.05, trace.output().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("gets delta = f'(z) * (W2ᵀ delta_out), with delta_out = a - y = -1")
        void delta() {
            // delta_out = 1.05 - 2.05 = -1; the flatten layer passes W2ᵀ delta_out = [-0.5, -0.2, 1, -2] unchanged
            assertEquals(-1.0, trace.layer(3).delta().get(0, 0), EXACT);
            assertArrayEquals(new double[] {-0.5, -0.2, 1, -2}, trace.layer(2).delta().row(0), EXACT);
            // ReLU'(z) = [1, 1, 1, 0]: the negative z11 blocks its share
            assertArrayEquals(new double[] {1, 1, 1, 0}, conv.fPrime().row(0), EXACT);
            assertArrayEquals(new double[] {-0.5, -0.2, 1, 0}, conv.delta().row(0), EXACT);
        }

        @Test
        @DisplayName("gets dK[p][q] = sum_ij delta[i][j] x[i+p][j+q] and db = sum_ij delta[i][j]")
        void kernelGradient() {
            // dK00 = -0.5*1 - 0.2*2 + 1*0 + 0*1 = -0.9
            // dK01 = -0.5*2 - 0.2*1 + 1*1 + 0*3 = -0.2
            // dK10 = -0.5*0 - 0.2*1 + 1*2 + 0*1 =  1.8
            // dK11 = -0.5*1 - 0.2*3 + 1*1 + 0*1 = -0.1
            assertArrayEquals(new double[] {-0.9, -0.2, 1.8, -0.1}, conv.dW().row(0), EXACT);
            assertEquals(conv.dW(), conv.parameter("K1").gradient());
            // db = -0.5 - 0.2 + 1 + 0 = 0.3
            assertEquals(0.3, conv.db().get(0, 0), EXACT);
        }

        @Test
        @DisplayName("passes dL/dx[y][x] = sum_pq K[p][q] delta[y-p][x-q] down to the input")
        void sumForTheInput() {
            Conv2dLayer layer = workedExample().layer(1, Conv2dLayer.class);
            double[] sum = new double[9];
            layer.backpropagate(conv.delta().row(0), X[0], 0, 1, sum);
            // each input pixel collects K[p][q] * delta of every output whose window covered it
            assertArrayEquals(new double[] {
                -0.5, 0.3, 0.2,      // -0.5*1 | -0.2*1 + -0.5*(-1) | -0.2*(-1)
                1.0, -2.0, -0.4,     // 1*1 + -0.5*0 | 0*1 + 1*(-1) + -0.2*0 + -0.5*2 | 0*(-1) + -0.2*2
                0.0, 2.0, 0.0        // 1*0 | 0*0 + 1*2 | 0*2
            }, sum, EXACT);
        }

        @Test
        @DisplayName("stores K as outChannels x (inChannels*k*k), read back as K[o][c][p][q]")
        void kernelLayout() {
            Conv2dLayer layer = workedExample().layer(1, Conv2dLayer.class);
            assertEquals(1, layer.kernels().rows());
            assertEquals(4, layer.kernels().cols());
            assertEquals(-1, layer.kernel(0, 0, 0, 1));
            assertEquals(2, layer.kernel(0, 0, 1, 1));
            assertEquals("K1", layer.kernels().name());
        }
    }

    @Nested
    @DisplayName("with SAME padding")
    class SamePadding {

        @Test
        @DisplayName("keeps the 3x3 size with a 3x3 kernel, reading zeros outside the image")
        void threeByThree() {
            double[][][][] k = {{{{0, 1, 0}, {1, 1, 1}, {0, 1, 0}}}};
            Network net = Network.builder(Shape.image(1, 3, 3))
                    .conv2d(k, new double[] {0}, Padding.SAME, Activations.identity()).build();
            double[] z = net.predict(X[0]);
            // a plus-shaped kernel: z[i][j] = x[i][j] + its 4 neighbours that exist
            assertArrayEquals(new double[] {
                1 + 2 + 0, 2 + 1 + 1 + 1, 1 + 2 + 3,
                0 + 1 + 1 + 2, 1 + 2 + 0 + 3 + 1, 3 + 1 + 1 + 1,
                2 + 0 + 1, 1 + 1 + 2 + 1, 1 + 3 + 1
            }, z, EXACT);
        }

        @Test
        @DisplayName("with an even 2x2 kernel pads one row below and one column to the right")
        void evenKernel() {
            Network net = Network.builder(Shape.image(1, 3, 3))
                    .conv2d(K, new double[] {0}, Padding.SAME, Activations.identity()).build();
            double[] z = net.predict(X[0]);
            assertEquals(9, z.length);
            // the top-left 2x2 block matches VALID without the bias: 1, 7, 1, 0
            assertArrayEquals(new double[] {1, 7, 1, 0}, new double[] {z[0], z[1], z[3], z[4]}, EXACT);
            // z[0][2] = 1*x02 - 1*0 + 0*x12 + 2*0 = 1
            assertEquals(1, z[2], EXACT);
            // z[2][0] = 1*x20 - 1*x21 + 0 + 0 = 1;  z[2][2] = 1*x22 = 1
            assertEquals(1, z[6], EXACT);
            assertEquals(1, z[8], EXACT);
        }
    }

    @Nested
    @DisplayName("with several channels")
    class Channels {

        @Test
        @DisplayName("sums over input channels and gives one feature map per kernel, stored [o][i][j]")
        void channelsAndLayout() {
            // two input channels: x and 2x; kernel 0 reads only channel 0, kernel 1 only channel 1
            double[] x = new double[18];
            for (int i = 0; i < 9; i++) {
                x[i] = X[0][i];
                x[9 + i] = 2 * X[0][i];
            }
            double[][] zero = {{0, 0}, {0, 0}};
            double[][][][] k = {{K[0][0], zero}, {zero, K[0][0]}};
            Network net = Network.builder(Shape.image(2, 3, 3))
                    .conv2d(k, new double[] {-0.5, 1}, Padding.VALID, Activations.identity()).build();
            Conv2dLayer layer = net.layer(1, Conv2dLayer.class);
            assertEquals(Shape.image(2, 2, 2), layer.outputShape());
            double[] z = net.predict(x);
            Matrix map0 = layer.outputShape().channel(z, 0);
            Matrix map1 = layer.outputShape().channel(z, 1);
            assertEquals(Matrix.of(new double[][] {{0.5, 6.5}, {0.5, -0.5}}), map0);
            // map 1 = 2 * (z + 0.5) + 1 = 2 * [1, 7, 1, 0] + 1
            assertEquals(Matrix.of(new double[][] {{3, 15}, {3, 1}}), map1);
            assertEquals(2 * 2 * 2 * 2 + 2, net.parameterCount());
        }
    }

    @Nested
    @DisplayName("rejects")
    class BadInput {

        @Test
        @DisplayName("a kernel larger than the image with VALID padding, naming both sizes")
        void kernelTooLarge() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(Shape.image(1, 3, 3)).conv2d(2, 4, Padding.VALID, Activations.relu()));
            assertTrue(e.getMessage().contains("4x4 kernel is larger than the 3x3 input"), e.getMessage());
        }

        @Test
        @DisplayName("but accepts it with SAME padding, which keeps the size")
        void kernelLargerWithSame() {
            Network net = Network.builder(Shape.image(1, 3, 3)).conv2d(2, 4, Padding.SAME, Activations.relu())
                    .seed(1).build();
            assertEquals(Shape.image(2, 3, 3), net.layer(1).outputShape());
        }

        @Test
        @DisplayName("a convolution on a plain vector input, saying how to give an image shape")
        void vectorInput() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(64).conv2d(2, 3, Padding.SAME, Activations.relu()));
            assertTrue(e.getMessage().contains("needs an image input, but the input gives a vector 64"), e.getMessage());
            assertTrue(e.getMessage().contains("Shape.image(channels, height, width)"), e.getMessage());
        }

        @Test
        @DisplayName("zero channels, a zero kernel, no padding, and softmax")
        void settings() {
            NetworkBuilder b = Network.builder(Shape.image(1, 4, 4));
            assertThrows(IllegalArgumentException.class, () -> b.conv2d(0, 2, Padding.SAME, Activations.relu()));
            assertThrows(IllegalArgumentException.class, () -> b.conv2d(2, 0, Padding.SAME, Activations.relu()));
            assertThrows(IllegalArgumentException.class, () -> b.conv2d(2, 2, null, Activations.relu()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.conv2d(2, 2, Padding.SAME, Activations.softmax()));
            assertTrue(e.getMessage().contains("element-wise activation"), e.getMessage());
        }

        @Test
        @DisplayName("given kernels with the wrong number of channels or non-square rows")
        void givenKernels() {
            NetworkBuilder b = Network.builder(Shape.image(2, 4, 4));
            IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                    () -> b.conv2d(K, B, Padding.VALID, Activations.relu()));
            assertTrue(channels.getMessage().contains("kernel 0 has 1 channels, expected 2"), channels.getMessage());
            double[][][][] ragged = {{{{1, 2}, {3}}, {{1, 2}, {3, 4}}}};
            IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                    () -> b.conv2d(ragged, B, Padding.VALID, Activations.relu()));
            assertTrue(square.getMessage().contains("row 1 has 1 values, expected 2"), square.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.conv2d(K, new double[] {1, 2}, Padding.VALID,
                    Activations.relu()));
        }

        @Test
        @DisplayName("images of the wrong size, naming the image shape and its layout")
        void wrongInputSize() {
            Network net = workedExample();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.predict(new double[8]));
            assertTrue(e.getMessage().contains("has 8 values, expected 9 (one image 1x3x3, stored [channel][row][col])"),
                    e.getMessage());
        }

        @Test
        @DisplayName("a dense layer straight after a convolution, asking for flatten() first")
        void denseWithoutFlatten() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(Shape.image(1, 3, 3)).conv2d(2, 2, Padding.VALID, Activations.relu())
                            .dense(3, Activations.sigmoid()));
            assertTrue(e.getMessage().contains("layer 2 (dense) needs a vector input, but layer 1 gives an image 2x2x2"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("flatten()"), e.getMessage());
        }
    }
}
