package io.github.backprop.gradient;

import io.github.backprop.activation.Activations;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A layer trace's delta norm")
class LayerTraceDeltaNormTest {

    @Test
    @DisplayName("is the Euclidean norm of each sample's delta, averaged over the samples")
    void meanOfTheSamplesNorms() {
        Network net = Network.builder(2).dense(3, Activations.tanh()).dense(2, Activations.softmax()).seed(4).build();
        double[][] x = {{0.5, -1.0}, {2.0, 0.25}};
        double[][] y = {{1, 0}, {0, 1}};
        LayerTrace hidden = Backpropagation.trace(net, Losses.crossEntropy(), x, y).layer(1);
        Matrix d = hidden.delta();
        double first = Math.sqrt(d.get(0, 0) * d.get(0, 0) + d.get(0, 1) * d.get(0, 1) + d.get(0, 2) * d.get(0, 2));
        double second = Math.sqrt(d.get(1, 0) * d.get(1, 0) + d.get(1, 1) * d.get(1, 1) + d.get(1, 2) * d.get(1, 2));
        assertEquals((first + second) / 2, hidden.deltaNorm(), 1e-15);
    }

    @Test
    @DisplayName("of a recurrent layer takes every time step together")
    void recurrentLayerTakesEveryStep() {
        Network rnn = Network.builder(io.github.backprop.nn.Shape.sequence(3, 1)).recurrent(2)
                .dense(1, Activations.sigmoid()).seed(2).build();
        LayerTrace layer = Backpropagation.trace(rnn, Losses.binaryCrossEntropy(), new double[][] {{1, -1, 0.5}},
                new double[][] {{1}}).layer(1);
        RecurrentTrace steps = RecurrentTrace.of(layer);
        double squares = 0;
        for (int t = 1; t <= 3; t++) {
            squares += steps.deltaNorm(t) * steps.deltaNorm(t);
        }
        assertEquals(Math.sqrt(squares), layer.deltaNorm(), 1e-15);
    }

    @Test
    @DisplayName("is 0 where no error arrives (a layer of ReLUs that are all off)")
    void zeroWithoutError() {
        Network dead = Network.builder(1)
                .dense(new double[][] {{1}, {1}}, new double[] {-5, -5}, Activations.relu())
                .dense(new double[][] {{1, 1}}, new double[] {0}, Activations.sigmoid())
                .build();
        LayerTrace hidden = Backpropagation.trace(dead, Losses.mse(), new double[][] {{1}, {2}}, new double[][] {{1}, {0}}).layer(1);
        assertEquals(0.0, hidden.deltaNorm(), 0.0);
    }
}
