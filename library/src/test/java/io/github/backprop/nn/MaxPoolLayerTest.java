package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.loss.Losses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Max pooling")
class MaxPoolLayerTest {
    /** One 4x4 channel; the 2x2 windows' winners are 4 (top left), 8, 9 and 7 (a tie with 7, the first wins). */
    static final double[] IMAGE = {
        1, 4, 8, 2,
        3, 0, 5, 6,
        9, 2, 7, 1,
        0, 1, 3, 7
    };

    static Network poolThenSum() {
        return Network.builder(Shape.image(1, 4, 4))
                .maxPool(2)
                .flatten()
                .dense(new double[][] {{1, 2, 3, 4}}, new double[] {0}, Activations.identity())
                .build();
    }

    @Nested
    @DisplayName("on a 4x4 channel with 2x2 windows")
    class Worked {

        @Test
        @DisplayName("passes on each window's largest value")
        void forward() {
            Network net = Network.builder(Shape.image(1, 4, 4)).maxPool(2).build();
            assertArrayEquals(new double[] {4, 8, 9, 7}, net.predict(IMAGE), 0.0);
            assertEquals(Shape.image(1, 2, 2), net.layer(1).outputShape());
        }

        @Test
        @DisplayName("sends each window's delta to its winner only (the first one on a tie)")
        void backward() {
            Trace trace = Backpropagation.trace(poolThenSum(), Losses.mse(), new double[][] {IMAGE}, new double[][] {{0}});
            // output = 4 + 2*8 + 3*9 + 4*7 = 75 = delta_out (MSE, identity, y = 0); pool delta = [1, 2, 3, 4] * 75
            assertArrayEquals(new double[] {75, 150, 225, 300}, trace.layer(1).delta().row(0), 0.0);
            MaxPoolLayer pool = poolThenSum().layer(1, MaxPoolLayer.class);
            double[] sum = new double[16];
            pool.backpropagate(trace.layer(1).delta().row(0), IMAGE, 0, 1, sum);
            assertArrayEquals(new double[] {
                0, 75, 150, 0,
                0, 0, 0, 0,
                225, 0, 300, 0,
                0, 0, 0, 0
            }, sum, 0.0);
        }

        @Test
        @DisplayName("has no parameters and the identity as activation")
        void noParameters() {
            Network net = poolThenSum();
            assertTrue(net.layer(1).parameters().isEmpty());
            assertEquals(Activations.identity(), net.layer(1).activation());
            assertEquals(5, net.parameterCount());
            assertEquals(0, Backpropagation.trace(net, Losses.mse(), new double[][] {IMAGE}, new double[][] {{0}})
                    .layer(1).dW().rows());
        }
    }

    @Test
    @DisplayName("drops the last row and column when asked to, where the window does not divide the size (5x5 -> 2x2)")
    void oddSizes() {
        Network net = Network.builder(Shape.image(1, 5, 5)).maxPool(2, MaxPoolLayer.Leftover.DROP).build();
        assertEquals(MaxPoolLayer.Leftover.DROP, net.layer(1, MaxPoolLayer.class).leftover());
        assertEquals("max pool 2x2 (leftover dropped), image 1x5x5 -> image 1x2x2", net.layer(1).toString());
        assertEquals(MaxPoolLayer.Leftover.DROP, net.copy().layer(1, MaxPoolLayer.class).leftover());
        double[] x = new double[25];
        x[4] = 100;   // row 0, column 4: outside every window
        x[24] = 100;  // row 4, column 4
        x[6] = 1;     // row 1, column 1: in window (0, 0)
        assertArrayEquals(new double[] {1, 0, 0, 0}, net.predict(x), 0.0);
    }

    @Test
    @DisplayName("keeps no state, so two workspaces on one network give the same gradients as one")
    void noStateBetweenWorkspaces() {
        Network net = Network.builder(Shape.image(1, 4, 4))
                .conv2d(2, 3, Padding.SAME, Activations.tanh())
                .maxPool(2)
                .flatten()
                .dense(1, Activations.sigmoid())
                .seed(11)
                .build();
        double[] other = new double[16];
        for (int i = 0; i < 16; i++) {
            other[i] = 16 - IMAGE[i] * 0.5;
        }
        double[] y = {1};
        Backpropagation alone = new Backpropagation(net, 1);
        alone.forward(IMAGE, 0, 1);
        alone.backward(y, Losses.binaryCrossEntropy());
        double[] expected = net.layer(1).parameters().get(0).gradientArray().clone();

        Backpropagation first = new Backpropagation(net, 1);
        Backpropagation second = new Backpropagation(net, 1);
        first.forward(IMAGE, 0, 1);
        second.forward(other, 0, 1);
        first.backward(y, Losses.binaryCrossEntropy());
        assertArrayEquals(expected, net.layer(1).parameters().get(0).gradientArray(), 0.0);
    }

    @Nested
    @DisplayName("rejects")
    class BadInput {

        @Test
        @DisplayName("a window larger than the image")
        void windowTooLarge() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(Shape.image(3, 4, 6)).maxPool(5));
            assertTrue(e.getMessage().contains("a 5x5 window does not fit the 4x6 input"), e.getMessage());
        }

        @Test
        @DisplayName("a window that does not divide the image, counting what would be dropped and saying how to allow it")
        void windowDoesNotDivide() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(Shape.image(1, 5, 5)).maxPool(2));
            assertEquals("layer 1 (maxPool): a 2x2 window does not divide the 5x5 input (image 1x5x5), so 1 row at the"
                    + " bottom and 1 column at the right would never be looked at; choose a window that divides the"
                    + " image, or call maxPool(2, MaxPoolLayer.Leftover.DROP) to drop them", e.getMessage());
            IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(Shape.image(2, 6, 8)).maxPool(3, MaxPoolLayer.Leftover.REFUSE));
            assertTrue(columns.getMessage().contains("so 2 columns at the right would never"), columns.getMessage());
            assertEquals(MaxPoolLayer.Leftover.REFUSE,
                    Network.builder(Shape.image(1, 6, 6)).maxPool(3).build().layer(1, MaxPoolLayer.class).leftover());
        }

        @Test
        @DisplayName("a window of size 0 and a vector input")
        void sizeAndInput() {
            assertThrows(IllegalArgumentException.class, () -> Network.builder(Shape.image(1, 4, 4)).maxPool(0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(16).dense(4, Activations.relu()).maxPool(2));
            assertTrue(e.getMessage().contains("layer 2 (maxPool) needs an image input, but layer 1 gives a vector 4"),
                    e.getMessage());
        }

        @Test
        @DisplayName("flatten() on a vector, which is flat already")
        void flattenVector() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.builder(16).flatten());
            assertTrue(e.getMessage().contains("already a vector 16"), e.getMessage());
        }
    }
}
