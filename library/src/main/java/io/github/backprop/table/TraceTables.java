package io.github.backprop.table;

import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.math.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The tables of a forward and backward pass (see {@link Tables}, where each is documented). */
final class TraceTables {
    private TraceTables() {
    }

    static Table forwardPass(ForwardPass forward) {
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

    static Table neurons(Trace trace) {
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

    static Table weights(Trace trace) {
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

    static Table timeSteps(RecurrentTrace rnn) {
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

    static Table deltaNorms(RecurrentTrace rnn) {
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
    static void appendA(DoubleColumn a, Matrix z, Matrix values, int n, int j) {
        int k = j - (z.cols() - values.cols());
        if (k >= 0) {
            a.append(values.get(n, k));
        } else {
            a.appendMissing();
        }
    }
}
