package io.github.backprop.examples;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.check.GradientCheck;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain-Java example of the README, line for line: if this test changes, change the README too. */
@DisplayName("The README's plain-Java example")
class ReadmeExampleTest {

    @Test
    @DisplayName("trains XOR to a loss below 0.01, traces one sample and passes the gradient check")
    void runsAsWritten() {
        // --- README example begins ---
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};

        Network net = Network.builder(2)
                .dense(4, Activations.sigmoid())
                .dense(1, Activations.sigmoid())
                .seed(42)
                .build();

        Trainer trainer = Trainer.builder()
                .loss(Losses.mse())
                .optimizer(Optimizers.sgd(2.0))
                .epochs(10_000)
                .batchSize(4)
                .targetLoss(0.01)
                .build();
        History history = trainer.fit(net, x, y);

        Trace trace = Backpropagation.trace(net, Losses.mse(), new double[][] {{1, 0}}, new double[][] {{1}});
        double maxError = GradientCheck.run(net, Losses.mse(), x, y).maxRelativeError();
        // --- README example ends ---

        assertTrue(history.finalLoss() < 0.01, () -> "final loss " + history.finalLoss());
        assertEquals(History.StopReason.TARGET_LOSS_REACHED, history.stopReason());
        assertTrue(trace.output().get(0, 0) > 0.85, trace::toString);
        assertTrue(maxError < 1e-7, () -> "gradient check " + maxError);
    }
}
