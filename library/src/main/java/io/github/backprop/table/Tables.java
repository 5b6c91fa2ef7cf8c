package io.github.backprop.table;

import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.TagScores;
import io.github.backprop.loss.Loss;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.train.History;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Turns the library's results into Tablesaw tables, with column names in the notebooks' notation:
 * {@code layer}, {@code neuron}, {@code z}, {@code a}, {@code f'(z)}, {@code delta}, {@code db},
 * {@code from}, {@code to}, {@code w}, {@code dW}; time steps {@code t} (from 1) and the hidden
 * state {@code h} for recurrent layers. Layers are numbered from 1 (layer 0 is the input),
 * neurons and weights' {@code from}/{@code to} from 0. Every method returns a new table
 * and changes nothing it is given.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Every neuron's z and a from a forward pass: columns {@code sample} (only for several samples),
     * {@code layer}, {@code neuron}, {@code z}, {@code a}. A "neuron" is one value of the layer's z,
     * numbered in its flat layout (for a convolution, position (c, i, j) of the output image is
     * neuron {@code (c * height + i) * width + j}). A recurrent layer that passes on only h_T keeps
     * z for every step: its {@code a} is shown on the last step's rows and missing on the others.
     *
     * @param forward the forward pass
     * @return one row per sample, layer and neuron
     */
    public static Table forwardPass(ForwardPass forward) {
        return TraceTables.forwardPass(forward);
    }

    /**
     * Every neuron's values from a trace: columns {@code sample} (only for several samples),
     * {@code layer}, {@code neuron}, {@code z}, {@code a}, {@code f'(z)}, {@code delta}, {@code db}.
     * For one sample {@code db} equals {@code delta}; for several, {@code db} is the batch average
     * and is repeated on each sample's row. For a softmax layer {@code f'(z)} is missing: its
     * derivative is a matrix per sample, not one number per neuron.
     *
     * <p>Other layers are listed value by value in their flat layout, as in
     * {@link #forwardPass(ForwardPass)}. {@code db} is shown only where each neuron has its own
     * bias (dense layers); a convolution's bias is shared by a whole channel and a recurrent
     * layer's by every step, so there it is missing (see {@link LayerTrace#parameters()}). A
     * recurrent layer lists z, f'(z) and delta for every step, [step][hidden] (see
     * {@link #timeSteps(RecurrentTrace)} for a table by step).
     *
     * @param trace a trace from {@code Backpropagation.trace}
     * @return one row per sample, layer and neuron
     */
    public static Table neurons(Trace trace) {
        return TraceTables.neurons(trace);
    }

    /**
     * Every weight with its gradient from a trace: columns {@code layer}, {@code from} (neuron in
     * layer - 1), {@code to} (neuron in the layer), {@code w}, {@code dW}. For other layers it
     * lists their first weight parameter ({@link LayerTrace#weights()}) by row ({@code to}) and
     * column ({@code from}): a convolution's kernels K (row o, column (c * k + p) * k + q) and a
     * recurrent layer's W_x; layers without weights add no rows.
     *
     * @param trace a trace from {@code Backpropagation.trace}
     * @return one row per weight
     */
    public static Table weights(Trace trace) {
        return TraceTables.weights(trace);
    }

    /**
     * The gradient check, one row per parameter: {@code parameter}, {@code layer}, {@code kind},
     * {@code row}, {@code col} (of the worst value), {@code analytic}, {@code numeric},
     * {@code relative error}.
     *
     * @param result a gradient check
     * @return one row per parameter
     */
    public static Table gradientCheck(GradientCheckResult result) {
        return ResultTables.gradientCheck(result);
    }

    /**
     * Per sample: targets {@code y0, y1, ...}, outputs {@code a0, a1, ...}, for labelled data the
     * {@code label} and {@code predicted} class, and the sample's {@code loss}.
     *
     * @param network the network
     * @param loss the loss
     * @param data the samples
     * @return one row per sample
     */
    public static Table predictions(Network network, Loss loss, Dataset data) {
        return ResultTables.predictions(network, loss, data);
    }

    /**
     * The confusion matrix: a column {@code true \ predicted} with the true classes, then one
     * column of counts per predicted class.
     *
     * @param confusion the confusion matrix
     * @return one row per true class
     */
    public static Table confusionMatrix(ConfusionMatrix confusion) {
        return ResultTables.confusionMatrix(confusion);
    }

    /**
     * Precision, recall and F1 per class beside the accuracy, as a classification report: columns
     * {@code class}, {@code precision} (of the samples predicted as the class, the fraction that are
     * it), {@code recall} (of the samples of the class, the fraction predicted as it), {@code F1}
     * (2 P R / (P + R)) and {@code support} (samples of the class); then a row {@code macro average}
     * (each class counts the same; its support is the total) and a row {@code accuracy} (its
     * value in the F1 column, as scikit-learn reports it).
     *
     * @param confusion the confusion matrix
     * @return one row per class, then the two summary rows
     */
    public static Table classReport(ConfusionMatrix confusion) {
        return ResultTables.classReport(confusion);
    }

    /**
     * The scores of a multi-label network per tag: columns {@code tag}, {@code accuracy},
     * {@code precision}, {@code recall} and {@code support} (samples that have the tag); the title
     * gives the exact-match accuracy (every tag of a sample right).
     *
     * @param scores the tag scores
     * @return one row per tag
     */
    public static Table tagScores(TagScores scores) {
        return ResultTables.tagScores(scores);
    }

    /**
     * The training history: {@code epoch}, {@code training loss}, and where they apply
     * {@code training accuracy}, {@code validation loss}, {@code validation accuracy}.
     *
     * @param history a training history
     * @return one row per epoch
     */
    public static Table history(History history) {
        return ResultTables.history(history);
    }

    /**
     * A dataset: one column per feature (named as in the dataset), then the targets ({@code y} or
     * {@code y0, y1, ...}) and, for labelled data, the {@code label} (class name if known).
     *
     * @param data the dataset
     * @return one row per sample
     */
    public static Table dataset(Dataset data) {
        return ResultTables.dataset(data);
    }

    /**
     * The mapping from class index to class name: columns {@code class} and {@code name}.
     *
     * @param classNames the names, index = class
     * @return one row per class
     */
    public static Table classMapping(List<String> classNames) {
        return ResultTables.classMapping(classNames);
    }

    /**
     * A matrix as a grid: a column {@code i \ j} with the row numbers, then one column per
     * matrix column, named {@code 0, 1, ...}. For a feature map, an image channel or a kernel,
     * e.g. {@code Tables.grid("z, channel 0", image.channel(trace.layer(1).z().row(0), 0))}.
     *
     * @param title the table's name
     * @param m the matrix
     * @return one row per matrix row
     */
    public static Table grid(String title, Matrix m) {
        return ResultTables.grid(title, m);
    }

    /**
     * A recurrent layer's values step by step: columns {@code sample} (only for several
     * samples), {@code t} (from 1), {@code unit} (hidden value j, from 0), {@code z}, {@code h},
     * {@code f'(z)} and {@code delta}, where z_t = W_x x_t + W_h h_{t-1} + b, h_t = tanh(z_t) and
     * delta_t = dL/dz_t.
     *
     * @param rnn a recurrent layer's trace ({@code trace.recurrent(l)})
     * @return one row per sample, time step and hidden unit
     */
    public static Table timeSteps(RecurrentTrace rnn) {
        return TraceTables.timeSteps(rnn);
    }

    /**
     * How large the error is that reaches each time step of a recurrent layer: columns {@code t}
     * (from 1) and {@code ||delta_t||} (the Euclidean norm over the hidden values, averaged over
     * the samples; see {@link RecurrentTrace#deltaNorm(int)}).
     *
     * @param rnn a recurrent layer's trace ({@code trace.recurrent(l)})
     * @return one row per time step
     */
    public static Table deltaNorms(RecurrentTrace rnn) {
        return TraceTables.deltaNorms(rnn);
    }


}
