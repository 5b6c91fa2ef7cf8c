package io.github.backprop.train;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizer;
import io.github.backprop.optim.Optimizers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A trainer and an optimiser shared between networks")
class SharedTrainerTest {
    static final int NETWORKS = 8;
    static final int EPOCHS = 60;

    static Network network(int i) {
        return Network.builder(2).dense(6, Activations.tanh()).dense(1, Activations.sigmoid()).seed(100 + i).build();
    }

    /** Each network learns its own data set, so that arrays shared by mistake would mix them up. */
    static Dataset data(int i) {
        return Datasets.moons(48 + 8 * i, 0.1, 200 + i);
    }

    static Supplier<Optimizer> optimizer(String name) {
        return switch (name) {
            case "sgd" -> () -> Optimizers.sgd(0.5);
            case "momentum" -> () -> Optimizers.momentum(0.1, 0.9);
            case "adam" -> () -> Optimizers.adam(0.01);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Trainer trainer(Optimizer optimizer) {
        return Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(optimizer).epochs(EPOCHS).batchSize(16)
                .build();
    }

    static double[][] weights(Network net) {
        return net.parameters().stream().map(p -> p.valueArray().clone()).toArray(double[][]::new);
    }

    /** Each network's weights after training alone, with a trainer and an optimiser of its own. */
    static List<double[][]> alone(Supplier<Optimizer> optimizer) {
        List<double[][]> expected = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            Network net = network(i);
            trainer(optimizer.get()).fit(net, data(i));
            expected.add(weights(net));
        }
        return expected;
    }

    /** Runs one task per network on four threads, all released at once, and waits for them. */
    static void inParallel(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @DisplayName("on several threads at once")
    class Threads {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"sgd", "momentum", "adam"})
        @DisplayName("fit gives every network the weights it gets when trained alone, bit for bit")
        void fit(String name) throws Exception {
            List<double[][]> expected = alone(optimizer(name));
            Trainer shared = trainer(optimizer(name).get());
            Network[] nets = new Network[NETWORKS];
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < NETWORKS; i++) {
                int n = i;
                nets[n] = network(n);
                tasks.add(() -> shared.fit(nets[n], data(n)));
            }
            inParallel(tasks);
            for (int i = 0; i < NETWORKS; i++) {
                assertArrayEquals(expected.get(i), weights(nets[i]), "network " + i);
            }
        }

        @Test
        @DisplayName("trainEpoch in loops on several threads gives every network the weights it gets when trained alone")
        void trainEpoch() throws Exception {
            List<double[][]> expected = alone(optimizer("momentum"));
            Trainer shared = trainer(optimizer("momentum").get());
            Network[] nets = new Network[NETWORKS];
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < NETWORKS; i++) {
                int n = i;
                nets[n] = network(n);
                Dataset data = data(n);
                tasks.add(() -> {
                    for (int e = 0; e < EPOCHS; e++) {
                        shared.trainEpoch(nets[n], data);
                    }
                });
            }
            inParallel(tasks);
            for (int i = 0; i < NETWORKS; i++) {
                assertArrayEquals(expected.get(i), weights(nets[i]), "network " + i);
            }
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES)
        @DisplayName("a network that another fit is training is refused by fit, naming the rule, and can be trained once that fit ends")
        void oneCallPerNetwork() throws Exception {
            Network net = network(0);
            Dataset data = data(0);
            CountDownLatch inFirstEpoch = new CountDownLatch(1);
            CountDownLatch secondCallDone = new CountDownLatch(1);
            Trainer waiting = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.sgd(0.5))
                    .epochs(1).listener((stats, network) -> {
                        inFirstEpoch.countDown();
                        try {
                            secondCallDone.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }).build();
            Thread first = new Thread(() -> waiting.fit(net, data), "first call");
            first.start();
            inFirstEpoch.await();
            Trainer other = trainer(Optimizers.sgd(0.5));
            IllegalStateException e;
            try {
                e = assertThrows(IllegalStateException.class, () -> other.fit(net, data));
                assertThrows(IllegalStateException.class, () -> waiting.fit(net, data));
            } finally {
                secondCallDone.countDown();
                first.join();
            }
            assertTrue(e.getMessage().contains("already being trained by another call of fit")
                    && e.getMessage().contains("one call at a time"), e.getMessage());
            assertEquals(EPOCHS, other.fit(net, data).epochs().size());
        }
    }

    @Nested
    @DisplayName("one after another")
    class InTurn {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"momentum", "adam"})
        @DisplayName("an optimiser with memory trains a second network as a fresh optimiser would: each network has its own memory")
        void ownMemory(String name) {
            List<double[][]> expected = alone(optimizer(name));
            Optimizer shared = optimizer(name).get();
            for (int i = 0; i < 2; i++) {
                Network net = network(i);
                trainer(shared).fit(net, data(i));
                assertArrayEquals(expected.get(i), weights(net), "network " + i);
            }
        }

        @Test
        @DisplayName("a second fit of the same network continues the optimiser's memory, as one longer fit would")
        void sameNetworkContinues() {
            Network once = network(0);
            Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.adam(0.01)).epochs(2 * EPOCHS)
                    .batchSize(16).build().fit(once, data(0));
            Network twice = network(0);
            Trainer trainer = trainer(Optimizers.adam(0.01));
            trainer.fit(twice, data(0));
            trainer.fit(twice, data(0));
            assertArrayEquals(weights(once), weights(twice));
        }
    }
}
