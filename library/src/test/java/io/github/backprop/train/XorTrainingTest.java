package io.github.backprop.train;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Training a 2-2-1 sigmoid network on XOR")
class XorTrainingTest {
    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] Y = {{0}, {1}, {1}, {0}};

    @Test
    @DisplayName("reproduces the benchmark's W1 reference loss 0.00170026763161650 after 10,000 full-batch epochs")
    void reproducesTheReferenceLoss() {
        Network net = Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
        assertEquals(-0.15580426399512012, net.denseLayer(1).weights().value(0, 0), 0.0);
        assertEquals(-0.354357339490925, net.denseLayer(2).weights().value(0, 1), 0.0);
        Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(1).batchSize(4).build();
        Dataset data = Dataset.of(X, Y);
        for (int e = 0; e < 10_000; e++) {
            trainer.trainEpoch(net, data);
        }
        double loss = Evaluation.score(net, Losses.mse(), data).loss();
        assertEquals(0.00170026763161650, loss, 1e-12);
    }

    @Test
    @DisplayName("reaches a loss below 0.01 with fit and stops at the target loss")
    void reachesTargetLoss() {
        Network net = Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
        History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(20_000).batchSize(4)
                .targetLoss(0.01).build().fit(net, X, Y);
        assertEquals(History.StopReason.TARGET_LOSS_REACHED, h.stopReason());
        assertTrue(h.finalLoss() <= 0.01);
        assertEquals(1.0, h.last().trainingAccuracy());
    }

    @Test
    @DisplayName("classifies all four inputs correctly once trained: 0, 1, 1, 0")
    void classifiesXor() {
        Network net = Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
        Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(20_000).batchSize(4)
                .targetLoss(0.01).build().fit(net, X, Y);
        assertArrayEquals(new int[] {0, 1, 1, 0}, Evaluation.predictClasses(net, X));
    }

    @Test
    @DisplayName("a 2-4-1 network trained one sample at a time, in shuffled order, also reaches a loss below 0.01")
    void shuffledOnlineTraining() {
        Network net = Network.builder(2).dense(4, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(42).build();
        History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(20_000).batchSize(1)
                .shuffle(1).targetLoss(0.01).build().fit(net, X, Y);
        assertEquals(History.StopReason.TARGET_LOSS_REACHED, h.stopReason(), h::toString);
        assertTrue(h.finalLoss() < 0.01);
    }
}
