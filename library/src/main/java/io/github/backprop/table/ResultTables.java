package io.github.backprop.table;

import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.TagScores;
import io.github.backprop.eval.Evaluation;
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

/** The tables of checks, predictions, training and data (see {@link Tables}, where each is documented). */
final class ResultTables {
    private ResultTables() {
    }

    static Table gradientCheck(GradientCheckResult result) {
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

    static Table predictions(Network network, Loss loss, Dataset data) {
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

    static Table confusionMatrix(ConfusionMatrix confusion) {
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

    static Table history(History history) {
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

    static Table dataset(Dataset data) {
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

    static Table classMapping(List<String> classNames) {
        IntColumn index = IntColumn.create("class");
        StringColumn name = StringColumn.create("name");
        for (int i = 0; i < classNames.size(); i++) {
            index.append(i);
            name.append(classNames.get(i));
        }
        return Table.create("classes", index, name);
    }

    static Table grid(String title, Matrix m) {
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

    static String className(List<String> names, int index) {
        return names.isEmpty() ? String.valueOf(index) : names.get(index);
    }

    static Table classReport(ConfusionMatrix confusion) {
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

    static Table tagScores(TagScores scores) {
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
}
