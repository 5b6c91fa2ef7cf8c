package io.github.backprop.examples;

import io.github.backprop.activation.Activations;
import io.github.backprop.check.GradientCheck;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;

import java.util.List;

/**
 * The README's example as a program, run by {@link PlainJavaTest} in a JVM whose class path holds the
 * library's classes and this class only: first it makes sure that Tablesaw, XChart and Jackson are
 * not there, then it trains XOR, traces a sample and runs the gradient check.
 */
public final class PlainJavaXor {
    private PlainJavaXor() {
    }

    /**
     * Prints the loss, the trace's output and the gradient check's worst error; exits 2 if a notebook
     * library is on the class path after all.
     *
     * @param args none
     */
    public static void main(String[] args) {
        for (String name : List.of("tech.tablesaw.api.Table", "org.knowm.xchart.XYChart",
                "com.fasterxml.jackson.databind.ObjectMapper")) {
            try {
                Class.forName(name);
                System.out.println("on the class path after all: " + name);
                System.exit(2);
            } catch (ClassNotFoundException expected) {
                // as it should be
            }
        }
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        Network net = Network.builder(2).dense(4, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(42).build();
        Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(2.0)).epochs(10_000)
                .batchSize(4).targetLoss(0.01).build();
        History history = trainer.fit(net, x, y);
        Trace trace = Backpropagation.trace(net, Losses.mse(), new double[][] {{1, 0}}, new double[][] {{1}});
        double maxError = GradientCheck.run(net, Losses.mse(), x, y).maxRelativeError();
        System.out.println("final loss " + history.finalLoss());
        System.out.println("output for (1, 0) " + trace.output().get(0, 0));
        System.out.println("gradient check " + maxError);
    }
}
