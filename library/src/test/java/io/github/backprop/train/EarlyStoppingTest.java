package io.github.backprop.train;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.optim.Optimizers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Early stopping")
class EarlyStoppingTest {
    static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
    /** The same inputs with every target flipped: the better the network learns XOR, the worse it does here. */
    static final Dataset FLIPPED = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{1}, {0}, {0}, {1}});

    static Network network() {
        return Network.builder(2).dense(4, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(42).build();
    }

    static TrainerBuilder sgd(int epochs) {
        return Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(2.0)).epochs(epochs).batchSize(4);
    }

    static List<double[]> weights(Network net) {
        return net.parameters().stream().map(p -> p.valueArray().clone()).toList();
    }

    static void assertSameWeights(Network expected, Network actual) {
        List<double[]> e = weights(expected);
        List<double[]> a = weights(actual);
        for (int p = 0; p < e.size(); p++) {
            assertArrayEquals(e.get(p), a.get(p), "parameter " + expected.parameters().get(p).name());
        }
    }

    @Test
    @DisplayName("stops once the validation loss has not improved for 'patience' epochs, and keeps the best epoch's weights")
    void stopsAndRestoresTheBestWeights() {
        Network net = network();
        History h = sgd(5000).validation(FLIPPED).earlyStopping(20).build().fit(net, XOR);
        assertEquals(History.StopReason.VALIDATION_STOPPED_IMPROVING, h.stopReason());
        int best = h.bestValidationEpoch();
        assertEquals(best + 20, h.epochs().size(), h::toString);
        double[] val = h.validationLosses();
        for (int e = best; e < val.length; e++) {
            assertTrue(val[e] >= val[best - 1], "epoch " + (e + 1) + " improved on the best epoch");
        }
        Network trainedToBest = network();
        sgd(best).build().fit(trainedToBest, XOR);
        assertSameWeights(trainedToBest, net);
    }

    @Test
    @DisplayName("runs every epoch while the validation loss keeps improving, and then keeps the last weights")
    void runsOnWhileImproving() {
        Network net = network();
        History h = sgd(300).validation(XOR).earlyStopping(5).build().fit(net, XOR);
        assertEquals(History.StopReason.EPOCHS_COMPLETED, h.stopReason());
        assertEquals(300, h.bestValidationEpoch());
        Network plain = network();
        sgd(300).build().fit(plain, XOR);
        assertSameWeights(plain, net);
    }

    @Test
    @DisplayName("keeps the best epoch's weights also when the epochs run out first")
    void restoresWhenEpochsRunOut() {
        Network net = network();
        History h = sgd(60).validation(FLIPPED).earlyStopping(1000).build().fit(net, XOR);
        assertEquals(History.StopReason.EPOCHS_COMPLETED, h.stopReason());
        assertEquals(60, h.epochs().size());
        Network trainedToBest = network();
        sgd(h.bestValidationEpoch()).build().fit(trainedToBest, XOR);
        assertSameWeights(trainedToBest, net);
        assertTrue(h.bestValidationEpoch() < 60, h::toString);
    }

    @Test
    @DisplayName("needs validation data and a positive patience")
    void needsValidationData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd(10).earlyStopping(3).build());
        assertTrue(e.getMessage().contains("early stopping needs validation data"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sgd(10).earlyStopping(0));
        History h = sgd(3).build().fit(network(), XOR);
        assertThrows(IllegalStateException.class, h::bestValidationEpoch);
    }

    @Test
    @DisplayName("does not change the caller's parameters list or data")
    void leavesDataAlone() {
        Network net = network();
        List<Parameter> before = net.parameters();
        sgd(50).validation(FLIPPED).earlyStopping(3).build().fit(net, XOR);
        assertEquals(before, net.parameters());
        assertArrayEquals(new double[] {1}, FLIPPED.targetRow(0));
    }
}
