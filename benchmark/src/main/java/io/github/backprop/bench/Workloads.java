package io.github.backprop.bench;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Datasets;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.Score;
import io.github.backprop.loss.Loss;
import io.github.backprop.loss.Losses;
import io.github.backprop.internal.kernel.Kernels;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.random.SplitMix64;
import io.github.backprop.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The training workloads W1 (xor), W2 (digits) and W3 (mnist-shape) of the shared benchmark spec
 * (benchmark/WORKLOADS.md), run through the library's public training API: {@link Trainer#trainEpoch}, the
 * inner loop of {@code Trainer.fit}, with plain SGD, no shuffling, and the spec's batches. Initial
 * weights come from {@code Network.builder(..).seed(s)}: SplitMix64 with the default initialiser
 * (2u - 1)/sqrt(fan_in), W1 before W2, exactly as the spec draws them. Only the epochs are timed.
 *
 * <p>Usage: {@code java -jar benchmark/target/benchmark.jar w1|w2|w3}; prints one JSON line.
 */
public final class Workloads {
    /** W1's float64 reference loss. */
    public static final double W1_LOSS = 0.00170026763161650;
    /** W2's float64 reference loss. */
    public static final double W2_LOSS = 0.019281173766086592;
    /** W2's reference test accuracy, 326 of 360. */
    public static final int W2_CORRECT = 326;
    /** W3's float64 reference loss. */
    public static final double W3_LOSS = 0.0035796351947998;

    private Workloads() {
    }

    /** A workload's outcome: what the spec's JSON line reports. */
    public record Result(String workload, int epochsTimed, double totalSeconds, double finalLoss, double testAccuracy,
                         int testCorrect, boolean ok) {
        /** The spec's JSON line. */
        public String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("impl", "backprop-java");
            m.put("workload", workload);
            m.put("seconds_per_epoch", totalSeconds / epochsTimed);
            m.put("total_seconds", totalSeconds);
            m.put("epochs_timed", epochsTimed);
            m.put("final_loss", finalLoss);
            if (!Double.isNaN(testAccuracy)) {
                m.put("test_accuracy", testAccuracy);
                m.put("test_correct", testCorrect);
            }
            m.put("final_loss_ok", ok);
            m.put("java", System.getProperty("java.version"));
            m.put("kernels", Kernels.chosen().description());
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v)));
            return sb.append('}').toString();
        }
    }

    /**
     * Runs one workload and prints its JSON line; exits 1 if its correctness check fails.
     *
     * @param args w1, w2 or w3
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -jar benchmark.jar w1|w2|w3");
            System.exit(2);
        }
        // Which kernels run is part of the report. Asking before the run loads the Vector API's classes
        // (when the JVM has them) outside the timed region, as Python's import of numpy is.
        Kernels.chosen().description();
        Result r = switch (args[0].toLowerCase(Locale.ROOT)) {
            case "w1", "xor" -> w1();
            case "w2", "digits" -> w2();
            case "w3", "mnist-shape" -> w3();
            default -> {
                System.err.println("unknown workload " + args[0] + "; use w1, w2 or w3");
                System.exit(2);
                yield null;
            }
        };
        String json = r.json();
        String rss = peakRss();
        System.out.println(rss == null ? json : json.substring(0, json.length() - 1) + ", \"peak_rss_mb\": " + rss + "}");
        System.exit(r.ok() ? 0 : 1);
    }

    /** W1: 2-2-1 sigmoid/MSE on XOR, seed 7, lr 0.5, full batch, 10,000 timed epochs. */
    public static Result w1() {
        Dataset xor = Datasets.xor();
        Network net = Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
        Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.5)).epochs(1).batchSize(4).build();
        long start = System.nanoTime();
        for (int e = 0; e < 10_000; e++) {
            trainer.trainEpoch(net, xor);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double loss = Evaluation.score(net, Losses.mse(), xor).loss();
        return new Result("xor", 10_000, seconds, loss, Double.NaN, 0, Math.abs(loss - W1_LOSS) <= 1e-12);
    }

    /** W2: 64-32-10 sigmoid/MSE on the first 1437 digits, seed 2, lr 1.0, batch 32, 100 timed epochs. */
    public static Result w2() {
        Dataset digits = Datasets.digits();
        Dataset train = digits.rows(IntStream.range(0, 1437).toArray());
        Dataset test = digits.rows(IntStream.range(1437, 1797).toArray());
        Network net = Network.builder(64).dense(32, Activations.sigmoid()).dense(10, Activations.sigmoid()).seed(2).build();
        Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1.0)).epochs(1).batchSize(32).build();
        long start = System.nanoTime();
        for (int e = 0; e < 100; e++) {
            trainer.trainEpoch(net, train);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double loss = Evaluation.score(net, Losses.mse(), train).loss();
        Score score = Evaluation.score(net, Losses.mse(), test);
        boolean ok = Math.abs(loss - W2_LOSS) <= 1e-9 && score.correct() == W2_CORRECT;
        return new Result("digits", 100, seconds, loss, score.accuracy(), score.correct(), ok);
    }

    /** W3: 784-128-10 sigmoid/softmax with cross-entropy on 60,000 synthetic samples, seed 3, lr 0.1, batch 64. */
    public static Result w3() {
        Dataset data = mnistShape();
        Network net = Network.builder(784).dense(128, Activations.sigmoid()).dense(10, Activations.softmax()).seed(3).build();
        Loss ce = Losses.crossEntropy();
        Trainer trainer = Trainer.builder().loss(ce).optimizer(Optimizers.sgd(0.1)).epochs(1).batchSize(64).build();
        trainer.trainEpoch(net, data);
        long start = System.nanoTime();
        trainer.trainEpoch(net, data);
        double seconds = (System.nanoTime() - start) / 1e9;
        double loss = Evaluation.score(net, ce, data).loss();
        return new Result("mnist-shape", 1, seconds, loss, Double.NaN, 0, Math.abs(loss - W3_LOSS) <= 1e-9 * W3_LOSS);
    }

    /** W3's synthetic data, generated row by row into the dataset (no second copy). */
    public static Dataset mnistShape() {
        int n = 60_000;
        int d = 784;
        SplitMix64 centresRandom = new SplitMix64(1001);
        double[][] centres = new double[10][d];
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < d; j++) {
                centres[k][j] = centresRandom.nextGauss();
            }
        }
        SplitMix64 labelRandom = new SplitMix64(1002);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) ((labelRandom.nextLong() >>> 33) % 10);
        }
        SplitMix64 noise = new SplitMix64(1003);
        Dataset.Builder builder = Dataset.builder(d, 10, n);
        double[] x = new double[d];
        double[] y = new double[10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[j] = Math.min(1.0, Math.max(0.0, centres[labels[i]][j] + noise.nextGauss()));
            }
            java.util.Arrays.fill(y, 0.0);
            y[labels[i]] = 1.0;
            builder.add(x, y);
        }
        return builder.build();
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
