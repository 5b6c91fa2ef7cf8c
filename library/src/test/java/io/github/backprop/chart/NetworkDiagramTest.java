package io.github.backprop.chart;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.Trace;
import io.github.backprop.course.TutorialNetworks;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A network diagram")
class NetworkDiagramTest {
    /** The 2-2-1 network of notebooks 1-5 and its sample. */
    static final Network NET = TutorialNetworks.mazur();
    static final double[][] X = TutorialNetworks.X;
    static final double[][] Y = TutorialNetworks.Y;
    static final ForwardPass FORWARD = Backpropagation.forwardPass(NET, X);
    static final Trace TRACE = Backpropagation.trace(NET, Losses.mse(), X, Y);

    @Nested
    @DisplayName("with a forward pass")
    class WithForwardPass {
        final NetworkDiagram diagram = NetworkDiagram.of(NET).withForwardPass(FORWARD);

        @Test
        @DisplayName("labels each input x_i, each neuron b[l]_j, z[l]_j, a[l]_j, to 4 significant digits")
        void neurons() {
            assertEquals(List.of("x_0 = 0.05"), diagram.neuronLabel(0, 0));
            assertEquals(List.of("x_1 = 0.1"), diagram.neuronLabel(0, 1));
            assertEquals(List.of("b[1]_1 = 0.35", "z[1]_1 = 0.3925", "a[1]_1 = 0.5969"), diagram.neuronLabel(1, 1));
            assertEquals(List.of("b[2]_0 = 0.6", "z[2]_0 = 1.106", "a[2]_0 = 0.7514"), diagram.neuronLabel(2, 0));
        }

        @Test
        @DisplayName("labels each connection with its weight w[l]_ji, j the neuron it goes to and i the one it comes from")
        void edges() {
            assertEquals(List.of("w[2]_01 = 0.45"), diagram.edgeLabel(2, 0, 1));
            assertEquals(List.of("w[1]_10 = 0.25"), diagram.edgeLabel(1, 1, 0));
            assertEquals(List.of("w[1]_01 = 0.2"), diagram.edgeLabel(1, 0, 1));
        }

        @Test
        @DisplayName("draws a 2-2-1 network at 760x390")
        void size() {
            Picture p = diagram.picture();
            assertEquals(760, p.width());
            assertEquals(390, p.height());
        }
    }

    @Nested
    @DisplayName("with a trace")
    class WithTrace {
        final NetworkDiagram diagram = NetworkDiagram.of(NET).withTrace(TRACE);

        @Test
        @DisplayName("labels each neuron with a[l]_j, delta[l]_j and db[l]_j, keeping the 4th digit when it is a rounded 0")
        void neurons() {
            assertEquals(List.of("a[1]_1 = 0.5969", "delta[1]_1 = 0.01500", "db[1]_1 = 0.01500"), diagram.neuronLabel(1, 1));
            assertEquals(List.of("a[2]_0 = 0.7514", "delta[2]_0 = 0.1385", "db[2]_0 = 0.1385"), diagram.neuronLabel(2, 0));
        }

        @Test
        @DisplayName("labels each connection with w[l]_ji and dW[l]_ji")
        void edges() {
            assertEquals(List.of("w[2]_01 = 0.45", "dW[2]_01 = 0.08267"), diagram.edgeLabel(2, 0, 1));
            assertEquals(List.of("w[1]_00 = 0.15", "dW[1]_00 = 0.0006684"), diagram.edgeLabel(1, 0, 0));
        }

        @Test
        @DisplayName("shows the weights the trace saw, not the ones the network has now")
        void weightsOfTheTrace() {
            Network changed = NET.copy();
            Trace before = Backpropagation.trace(changed, Losses.mse(), X, Y);
            changed.denseLayer(2).weights().set(0, 1, -1.0);
            assertEquals("w[2]_01 = 0.45", NetworkDiagram.of(changed).withTrace(before).edgeLabel(2, 0, 1).get(0));
        }
    }

    @Test
    @DisplayName("without values has no labels")
    void plain() {
        NetworkDiagram diagram = NetworkDiagram.of(NET);
        assertTrue(diagram.neuronLabel(1, 0).isEmpty());
        assertTrue(diagram.edgeLabel(1, 0, 0).isEmpty());
        assertEquals(520, diagram.picture().width());
    }

    @Nested
    @DisplayName("refuses, with a message that says why")
    class Refuses {
        @Test
        @DisplayName("the values of several samples (dW and db would be batch means)")
        void batches() {
            double[][] two = {{0.05, 0.10}, {1, 1}};
            Trace batch = Backpropagation.trace(NET, Losses.mse(), two, new double[][] {{0.01}, {1}});
            String message = assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(NET).withTrace(batch)).getMessage();
            assertTrue(message.contains("one sample; this trace has 2"), message);
            assertThrows(IllegalArgumentException.class,
                    () -> NetworkDiagram.of(NET).withForwardPass(Backpropagation.forwardPass(NET, two)));
        }

        @Test
        @DisplayName("values for a layer of more than 2 neurons, which would cover each other")
        void wideLayers() {
            Network wide = Network.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid()).seed(3).build();
            String message = assertThrows(IllegalArgumentException.class,
                    () -> NetworkDiagram.of(wide).withForwardPass(Backpropagation.forwardPass(wide, X))).getMessage();
            assertTrue(message.contains("at most 2 neurons per layer") && message.contains("Tables.neurons"), message);
            NetworkDiagram.of(wide).picture();
        }

        @Test
        @DisplayName("values of another network")
        void otherNetwork() {
            Network deeper = Network.builder(2).dense(2, Activations.sigmoid()).dense(2, Activations.sigmoid())
                    .dense(1, Activations.sigmoid()).seed(1).build();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(deeper).withTrace(TRACE))
                    .getMessage().contains("2 layers but the network has 3"));
            Network wider = Network.builder(2).dense(2, Activations.sigmoid()).dense(2, Activations.sigmoid()).seed(1).build();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(wider).withTrace(TRACE))
                    .getMessage().contains("layer 2 of the trace has 1 neurons but the network's has 2"));
        }
    }
}
