package io.github.backprop.table;

import io.github.backprop.backprop.ForwardPass;
import io.github.backprop.backprop.LayerTrace;
import io.github.backprop.backprop.RecurrentTrace;
import io.github.backprop.backprop.Trace;
import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.TagScores;
import io.github.backprop.loss.Loss;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
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
        int samples = forward.input().rows();
        IntColumn sample = IntColumn.create("sample");
        IntColumn layer = IntColumn.create("layer");
        IntColumn neuron = IntColumn.create("neuron");
        DoubleColumn z = DoubleColumn.create("z");
        DoubleColumn a = DoubleColumn.create("a");
        for (int n = 0; n < samples; n++) {
            for (ForwardPass.LayerValues v : forward.layers()) {
                for (int j = 0; j < v.z().cols(); j++) {
                    sample.append(n);
                    layer.append(v.layer());
                    neuron.append(j);
                    z.append(v.z().get(n, j));
                    appendA(a, v.z(), v.a(), n, j);
                }
            }
        }
        Table t = samples > 1 ? Table.create("forward pass", sample, layer, neuron, z, a)
                : Table.create("forward pass", layer, neuron, z, a);
        return t;
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
        int samples = trace.input().rows();
        IntColumn sample = IntColumn.create("sample");
        IntColumn layer = IntColumn.create("layer");
        IntColumn neuron = IntColumn.create("neuron");
        DoubleColumn z = DoubleColumn.create("z");
        DoubleColumn a = DoubleColumn.create("a");
        DoubleColumn fPrime = DoubleColumn.create("f'(z)");
        DoubleColumn delta = DoubleColumn.create("delta");
        DoubleColumn db = DoubleColumn.create("db");
        for (int n = 0; n < samples; n++) {
            for (LayerTrace t : trace.layers()) {
                for (int j = 0; j < t.z().cols(); j++) {
                    sample.append(n);
                    layer.append(t.layer());
                    neuron.append(j);
                    z.append(t.z().get(n, j));
                    appendA(a, t.z(), t.a(), n, j);
                    if (t.fPrime() == null) {
                        fPrime.appendMissing();
                    } else {
                        fPrime.append(t.fPrime().get(n, j));
                    }
                    delta.append(t.delta().get(n, j));
                    if (t.db().cols() == t.z().cols()) {
                        db.append(t.db().get(0, j));
                    } else {
                        db.appendMissing();
                    }
                }
            }
        }
        return samples > 1 ? Table.create("neurons", sample, layer, neuron, z, a, fPrime, delta, db)
                : Table.create("neurons", layer, neuron, z, a, fPrime, delta, db);
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
        IntColumn layer = IntColumn.create("layer");
        IntColumn from = IntColumn.create("from");
        IntColumn to = IntColumn.create("to");
        DoubleColumn w = DoubleColumn.create("w");
        DoubleColumn dW = DoubleColumn.create("dW");
        for (LayerTrace t : trace.layers()) {
            Matrix weights = t.weights();
            for (int j = 0; j < weights.rows(); j++) {
                for (int i = 0; i < weights.cols(); i++) {
                    layer.append(t.layer());
                    from.append(i);
                    to.append(j);
                    w.append(weights.get(j, i));
                    dW.append(t.dW().get(j, i));
                }
            }
        }
        return Table.create("weights", layer, from, to, w, dW);
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
        StringColumn parameter = StringColumn.create("parameter");
        IntColumn layer = IntColumn.create("layer");
        StringColumn kind = StringColumn.create("kind");
        IntColumn row = IntColumn.create("row");
        IntColumn col = IntColumn.create("col");
        DoubleColumn analytic = DoubleColumn.create("analytic");
        DoubleColumn numeric = DoubleColumn.create("numeric");
        DoubleColumn error = DoubleColumn.create("relative error");
        for (GradientCheckResult.Entry e : result.entries()) {
            parameter.append(e.name());
            layer.append(e.layer());
            kind.append(e.kind().name().toLowerCase());
            row.append(e.row());
            col.append(e.col());
            analytic.append(e.analytic());
            numeric.append(e.numeric());
            error.append(e.relativeError());
        }
        return Table.create("gradient check (worst value per parameter, h = " + result.step() + ")",
                parameter, layer, kind, row, col, analytic, numeric, error);
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
        double[][] outputs = network.predict(data.features());
        int k = data.targetCount();
        Table t = Table.create("predictions");
        t.addColumns(IntColumn.create("row"));
        for (int c = 0; c < k; c++) {
            t.addColumns(DoubleColumn.create(k == 1 ? "y" : "y" + c));
        }
        for (int c = 0; c < k; c++) {
            t.addColumns(DoubleColumn.create(k == 1 ? "a" : "a" + c));
        }
        if (data.hasLabels()) {
            t.addColumns(StringColumn.create("label"), StringColumn.create("predicted"));
        }
        t.addColumns(DoubleColumn.create("loss"));
        List<String> names = data.classNames();
        for (int r = 0; r < data.size(); r++) {
            t.intColumn("row").append(r);
            double[] y = data.targetRow(r);
            for (int c = 0; c < k; c++) {
                t.doubleColumn(k == 1 ? "y" : "y" + c).append(y[c]);
                t.doubleColumn(k == 1 ? "a" : "a" + c).append(outputs[r][c]);
            }
            if (data.hasLabels()) {
                int predicted = Evaluation.predictedClass(outputs[r]);
                t.stringColumn("label").append(className(names, data.label(r)));
                t.stringColumn("predicted").append(className(names, predicted));
            }
            t.doubleColumn("loss").append(loss.sampleLoss(outputs[r], y, 0, k));
        }
        return t;
    }

    /**
     * The confusion matrix: a column {@code true \ predicted} with the true classes, then one
     * column of counts per predicted class.
     *
     * @param confusion the confusion matrix
     * @return one row per true class
     */
    public static Table confusionMatrix(ConfusionMatrix confusion) {
        List<String> names = confusion.classNames();
        Table t = Table.create("confusion matrix (rows: true class, columns: predicted)",
                StringColumn.create("true \\ predicted", names));
        for (int p = 0; p < names.size(); p++) {
            IntColumn col = IntColumn.create(names.get(p));
            for (int a = 0; a < names.size(); a++) {
                col.append(confusion.count(a, p));
            }
            t.addColumns(col);
        }
        return t;
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
        StringColumn name = StringColumn.create("class");
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        DoubleColumn f1 = DoubleColumn.create("F1");
        IntColumn support = IntColumn.create("support");
        int classes = confusion.classCount();
        double p = 0;
        double r = 0;
        for (int c = 0; c < classes; c++) {
            name.append(confusion.classNames().get(c));
            precision.append(confusion.precision(c));
            recall.append(confusion.recall(c));
            f1.append(confusion.f1(c));
            support.append(confusion.support(c));
            p += confusion.precision(c);
            r += confusion.recall(c);
        }
        name.append("macro average");
        precision.append(p / classes);
        recall.append(r / classes);
        f1.append(confusion.macroF1());
        support.append(confusion.total());
        name.append("accuracy");
        precision.appendMissing();
        recall.appendMissing();
        f1.append(confusion.accuracy());
        support.append(confusion.total());
        return Table.create("precision, recall and F1 per class", name, precision, recall, f1, support);
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
        StringColumn tag = StringColumn.create("tag");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        IntColumn support = IntColumn.create("support");
        for (int k = 0; k < scores.tagNames().size(); k++) {
            tag.append(scores.tagNames().get(k));
            accuracy.append(scores.accuracy(k));
            precision.append(scores.precision(k));
            recall.append(scores.recall(k));
            support.append(scores.positives(k));
        }
        return Table.create("tags of " + scores.size() + " samples (exact match, every tag right: "
                + scores.exactMatch() + ")", tag, accuracy, precision, recall, support);
    }

    /**
     * The training history: {@code epoch}, {@code training loss}, and where they apply
     * {@code training accuracy}, {@code validation loss}, {@code validation accuracy}.
     *
     * @param history a training history
     * @return one row per epoch
     */
    public static Table history(History history) {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("training loss");
        DoubleColumn accuracy = DoubleColumn.create("training accuracy");
        DoubleColumn valLoss = DoubleColumn.create("validation loss");
        DoubleColumn valAccuracy = DoubleColumn.create("validation accuracy");
        for (EpochStats s : history.epochs()) {
            epoch.append(s.epoch());
            loss.append(s.trainingLoss());
            accuracy.append(s.trainingAccuracy());
            valLoss.append(s.validationLoss());
            valAccuracy.append(s.validationAccuracy());
        }
        Table t = Table.create("training history", epoch, loss);
        if (history.hasAccuracy()) {
            t.addColumns(accuracy);
        }
        if (history.hasValidation()) {
            t.addColumns(valLoss);
            if (!Double.isNaN(history.epochs().get(0).validationAccuracy())) {
                t.addColumns(valAccuracy);
            }
        }
        return t;
    }

    /**
     * A dataset: one column per feature (named as in the dataset), then the targets ({@code y} or
     * {@code y0, y1, ...}) and, for labelled data, the {@code label} (class name if known).
     *
     * @param data the dataset
     * @return one row per sample
     */
    public static Table dataset(Dataset data) {
        Table t = Table.create("dataset");
        List<String> featureNames = data.featureNames();
        double[][] x = data.features();
        for (int c = 0; c < data.featureCount(); c++) {
            DoubleColumn col = DoubleColumn.create(featureNames.get(c));
            for (double[] row : x) {
                col.append(row[c]);
            }
            t.addColumns(col);
        }
        double[][] y = data.targets();
        int k = data.targetCount();
        for (int c = 0; c < k; c++) {
            DoubleColumn col = DoubleColumn.create(k == 1 ? "y" : "y" + c);
            for (double[] row : y) {
                col.append(row[c]);
            }
            t.addColumns(col);
        }
        if (data.hasLabels()) {
            StringColumn label = StringColumn.create("label");
            for (int r = 0; r < data.size(); r++) {
                label.append(className(data.classNames(), data.label(r)));
            }
            t.addColumns(label);
        }
        return t;
    }

    /**
     * The mapping from class index to class name: columns {@code class} and {@code name}.
     *
     * @param classNames the names, index = class
     * @return one row per class
     */
    public static Table classMapping(List<String> classNames) {
        IntColumn index = IntColumn.create("class");
        StringColumn name = StringColumn.create("name");
        for (int i = 0; i < classNames.size(); i++) {
            index.append(i);
            name.append(classNames.get(i));
        }
        return Table.create("classes", index, name);
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
        Table t = Table.create(title);
        IntColumn rowNumbers = IntColumn.create("i \\ j");
        for (int i = 0; i < m.rows(); i++) {
            rowNumbers.append(i);
        }
        t.addColumns(rowNumbers);
        for (int j = 0; j < m.cols(); j++) {
            DoubleColumn col = DoubleColumn.create(String.valueOf(j));
            for (int i = 0; i < m.rows(); i++) {
                col.append(m.get(i, j));
            }
            t.addColumns(col);
        }
        return t;
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
        int samples = rnn.trace().z().rows();
        IntColumn sample = IntColumn.create("sample");
        IntColumn step = IntColumn.create("t");
        IntColumn unit = IntColumn.create("unit");
        DoubleColumn z = DoubleColumn.create("z");
        DoubleColumn h = DoubleColumn.create("h");
        DoubleColumn fPrime = DoubleColumn.create("f'(z)");
        DoubleColumn delta = DoubleColumn.create("delta");
        Matrix slopes = rnn.trace().fPrime();
        Matrix[] zs = new Matrix[rnn.steps() + 1];
        Matrix[] hs = new Matrix[rnn.steps() + 1];
        Matrix[] deltas = new Matrix[rnn.steps() + 1];
        for (int t = 1; t <= rnn.steps(); t++) {
            zs[t] = rnn.z(t);
            hs[t] = rnn.h(t);
            deltas[t] = rnn.delta(t);
        }
        for (int n = 0; n < samples; n++) {
            for (int t = 1; t <= rnn.steps(); t++) {
                for (int j = 0; j < rnn.hiddenSize(); j++) {
                    sample.append(n);
                    step.append(t);
                    unit.append(j);
                    z.append(zs[t].get(n, j));
                    h.append(hs[t].get(n, j));
                    fPrime.append(slopes.get(n, (t - 1) * rnn.hiddenSize() + j));
                    delta.append(deltas[t].get(n, j));
                }
            }
        }
        String title = "layer " + rnn.trace().layer() + " by time step";
        return samples > 1 ? Table.create(title, sample, step, unit, z, h, fPrime, delta)
                : Table.create(title, step, unit, z, h, fPrime, delta);
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
        IntColumn step = IntColumn.create("t");
        DoubleColumn norm = DoubleColumn.create("||delta_t||");
        double[] norms = rnn.deltaNorms();
        for (int t = 1; t <= norms.length; t++) {
            step.append(t);
            norm.append(norms[t - 1]);
        }
        return Table.create("error per time step, layer " + rnn.trace().layer(), step, norm);
    }

    /** Appends a[n][j - (zCols - aCols)]: a lines up with the end of z (all of it, or a recurrent layer's last step), else missing. */
    private static void appendA(DoubleColumn a, Matrix z, Matrix values, int n, int j) {
        int k = j - (z.cols() - values.cols());
        if (k >= 0) {
            a.append(values.get(n, k));
        } else {
            a.appendMissing();
        }
    }

    private static String className(List<String> names, int index) {
        return names.isEmpty() ? String.valueOf(index) : names.get(index);
    }
}
