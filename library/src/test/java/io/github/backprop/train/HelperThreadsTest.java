package io.github.backprop.train;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("The helper threads")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HelperThreadsTest {

    /** 784 inputs into 32 neurons on 64 samples: 1.6 million multiply-adds, a product worth sharing. */
    static Network wide() {
        return Network.builder(784).dense(32, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(4).build();
    }

    static double[][] samples() {
        SplitMix64 r = new SplitMix64(6);
        double[][] x = new double[64][784];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextDouble();
            }
        }
        return x;
    }

    static List<Thread> helpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("backprop-kernels-"))
                .toList();
    }

    @BeforeEach
    void needTwoThreads() {
        wide().predict(samples());
        assumeTrue(HelperThreads.running() > 0, "this JVM shares products between threads (backprop.threads > 1)");
    }

    @Test
    @DisplayName("are started by a large product, named backprop-kernels-N, daemon, and parked while idle")
    void namedDaemonParked() throws InterruptedException {
        List<Thread> helpers = helpers();
        assertEquals(HelperThreads.running(), helpers.size(), helpers::toString);
        for (Thread t : helpers) {
            assertTrue(t.getName().matches("backprop-kernels-[1-9][0-9]*"), t.getName());
            assertTrue(t.isDaemon(), t + " is a daemon thread");
        }
        // waits for them to park (the timeout only guards against a helper that never does)
        while (!helpers.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("end with shutdown(), and the next large product starts them again, with the same results")
    void shutdownAndRestart() {
        Network net = wide();
        double[][] before = net.predict(samples());
        HelperThreads.shutdown();
        assertEquals(0, HelperThreads.running());
        assertEquals(List.of(), helpers(), "no helper thread is left");
        HelperThreads.shutdown();
        assertEquals(0, HelperThreads.running(), "shutting down twice is fine");
        double[][] after = net.predict(samples());
        assertTrue(HelperThreads.running() > 0, "started again");
        for (int r = 0; r < before.length; r++) {
            assertArrayEquals(before[r], after[r], 0.0);
        }
    }

    @Test
    @DisplayName("can be shut down while another thread trains, which then ends with the weights of an undisturbed run")
    void shutdownDuringTraining() throws Exception {
        Dataset data = Dataset.of(samples(), new double[64][1]);
        Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.1)).epochs(30).batchSize(64)
                .build();
        Network undisturbed = wide();
        trainer.fit(undisturbed, data);
        Network disturbed = wide();
        Thread training = new Thread(() -> trainer.fit(disturbed, data), "training");
        training.start();
        while (training.isAlive()) {
            HelperThreads.shutdown();
            Thread.yield();
        }
        training.join();
        assertArrayEquals(undisturbed.parameters().get(0).valueArray(), disturbed.parameters().get(0).valueArray());
        assertArrayEquals(undisturbed.parameters().get(2).valueArray(), disturbed.parameters().get(2).valueArray());
    }
}
