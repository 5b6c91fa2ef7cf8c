package io.github.backprop.chart;

import io.github.backprop.activation.Activation;
import io.github.backprop.gradient.RecurrentTrace;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.math.Matrix;
import io.github.backprop.train.History;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns the library's results into charts: XChart charts for curves (so you can restyle them),
 * {@link Picture}s for the images the library draws itself. Every chart renders headless; the
 * look comes from {@link ChartStyle}, whose drawing rules (readable decades on log axes, round
 * ticks, legends that fit) {@link #toImage}, {@link #toPng} and {@link #save} apply to any XY
 * chart they draw. Nothing given to a chart is modified.
 *
 * <p>(Over 300 lines because it is the front door to every chart, one documented method each;
 * the drawing is in {@code Drawings}, {@code Picture} and {@code NetworkDiagram}, the look in
 * {@link ChartStyle}.)
 */
public final class Charts {
    /** Curves whose largest and smallest positive values differ by more than this get a log scale. */
    public static final double LOG_SCALE_RATIO = 100;

    private Charts() {
    }

    /**
     * An activation function and its derivative over [from, to]: a = f(z) and f'(z). The z axis
     * spans exactly [from, to] with ticks at round values, and the y axis always includes 0, so the
     * curves can be read against z = 0 and f = 0. The legend sits in the top left corner, which an
     * increasing activation leaves free.
     *
     * @param f an element-wise activation (not softmax)
     * @param from smallest z
     * @param to largest z, greater than {@code from}
     * @return the chart
     */
    public static XYChart activation(Activation f, double from, double to) {
        if (!f.isElementwise()) {
            throw new IllegalArgumentException(f.name() + " is not element-wise: its derivative is a matrix per sample, so it has no single curve");
        }
        if (!(to > from) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("need a finite range with from < to, got [" + from + ", " + to + "]");
        }
        int n = 400;
        double[] z = new double[n];
        double[] a = new double[n];
        double[] d = new double[n];
        double lowest = 0;
        for (int i = 0; i < n; i++) {
            // z at the middle of n equal cells of [from, to]: seen with the axis ends, these z are not
            // equally spaced, so XChart picks round ticks instead of ticks at data points
            z[i] = from + (to - from) * (i + 0.5) / n;
            a[i] = f.value(z[i]);
            d[i] = f.derivative(z[i], a[i]);
            lowest = Math.min(lowest, Math.min(a[i], d[i]));
        }
        XYChart chart = xy(f.name() + " and its derivative", "z", "");
        line(chart, "a = " + f.name() + "(z)", z, a);
        line(chart, f.name() + "'(z)", z, d);
        chart.getStyler().setXAxisMin(from);
        chart.getStyler().setXAxisMax(to);
        chart.getStyler().setYAxisMin(lowest);
        return chart;
    }

    /**
     * Training (and validation) loss per epoch.
     *
     * @param history a training history with at least one epoch
     * @return the chart, log scale if the loss spans more than {@value #LOG_SCALE_RATIO}x
     */
    public static XYChart loss(History history) {
        requireEpochs(history);
        XYChart chart = xy("loss per epoch", "epoch", "loss");
        double[] epochs = epochs(history);
        line(chart, "training", epochs, history.trainingLosses());
        if (history.hasValidation()) {
            line(chart, "validation", epochs, history.validationLosses());
        }
        autoLog(chart);
        return chart;
    }

    /**
     * Training (and validation) accuracy per epoch.
     *
     * @param history a history of a labelled dataset
     * @return the chart
     */
    public static XYChart accuracy(History history) {
        requireEpochs(history);
        if (!history.hasAccuracy()) {
            throw new IllegalArgumentException("this history has no accuracy: the training targets were not class labels");
        }
        XYChart chart = xy("accuracy per epoch", "epoch", "accuracy");
        double[] epochs = epochs(history);
        line(chart, "training", epochs, history.trainingAccuracies());
        if (history.hasValidation() && !Double.isNaN(history.validationAccuracies()[0])) {
            line(chart, "validation", epochs, history.validationAccuracies());
        }
        return chart;
    }

    /**
     * Several training-loss curves on one chart, e.g. one per learning rate.
     *
     * @param runs label to history, in legend order
     * @return the chart, log scale if the losses span more than {@value #LOG_SCALE_RATIO}x
     */
    public static XYChart lossCurves(Map<String, History> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare: give at least one history");
        }
        XYChart chart = xy("training loss", "epoch", "loss");
        for (Map.Entry<String, History> run : runs.entrySet()) {
            requireEpochs(run.getValue());
            line(chart, run.getKey(), epochs(run.getValue()), run.getValue().trainingLosses());
        }
        autoLog(chart);
        return chart;
    }

    /**
     * Any quantities measured once per epoch, on one chart: e.g. the loss beside the mean
     * sigma'(z) of a layer and its gradient norm, recorded by a training listener. Epochs are
     * numbered from 1.
     *
     * @param title what the chart shows
     * @param yTitle the y axis's title (may be empty)
     * @param curves label to one value per epoch, in legend order; at least one, none empty
     * @return the chart, log scale if every value is positive and they span more than {@value #LOG_SCALE_RATIO}x
     */
    public static XYChart perEpoch(String title, String yTitle, Map<String, double[]> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to draw: give at least one");
        }
        XYChart chart = xy(title, "epoch", yTitle);
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            double[] epochs = new double[curve.getValue().length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            line(chart, curve.getKey(), epochs, curve.getValue());
        }
        autoLog(chart);
        return chart;
    }

    /**
     * The norm of each layer's weight gradient per epoch, on a log scale: the picture of
     * vanishing (or exploding) gradients. Needs a history recorded with
     * {@code TrainerBuilder.recordGradientNorms()}.
     *
     * @param history the history
     * @return the chart
     */
    public static XYChart gradientNorms(History history) {
        requireEpochs(history);
        int layers = history.epochs().get(0).gradientNorms().length;
        if (layers == 0) {
            throw new IllegalArgumentException("this history has no gradient norms: train with recordGradientNorms()");
        }
        XYChart chart = xy("gradient norm ||dW|| per layer", "epoch", "||dW|| (mean over the epoch's steps)");
        double[] epochs = epochs(history);
        for (int l = 0; l < layers; l++) {
            double[] norms = new double[epochs.length];
            for (int e = 0; e < epochs.length; e++) {
                norms[e] = history.epochs().get(e).gradientNorms()[l];
            }
            line(chart, "layer " + (l + 1), epochs, norms);
        }
        if (allPositive(chart)) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /**
     * How large the error is that reaches each time step of a recurrent layer, ||delta_t|| for
     * t = 1..T, on a log scale: the picture of the vanishing (or exploding) gradient through time.
     *
     * @param rnn a recurrent layer's trace ({@code trace.recurrent(l)})
     * @return the chart
     */
    public static XYChart deltaNorms(RecurrentTrace rnn) {
        return deltaNorms(Map.of("layer " + rnn.trace().layer(), rnn));
    }

    /**
     * ||delta_t|| per time step for several traces on one chart, e.g. before and after training.
     * The y axis is logarithmic when every norm is positive.
     *
     * @param runs label to recurrent trace, in legend order
     * @return the chart
     */
    public static XYChart deltaNorms(Map<String, RecurrentTrace> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no traces to compare: give at least one recurrent trace");
        }
        XYChart chart = xy("error per time step", "time step t", "||delta_t|| (mean over the samples)");
        for (Map.Entry<String, RecurrentTrace> run : runs.entrySet()) {
            double[] norms = run.getValue().deltaNorms();
            double[] steps = new double[norms.length];
            for (int t = 1; t <= norms.length; t++) {
                steps[t - 1] = t;
            }
            line(chart, run.getKey(), steps, norms).setMarker(SeriesMarkers.CIRCLE);
        }
        if (allPositive(chart)) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        return chart;
    }

    /**
     * Matrices side by side as shaded grids on one shared colour scale: blue for positive values,
     * orange for negative, white for 0, full colour at the largest |value| of all of them (stated
     * under the grids). For a convolution's feature maps, deltas and kernels, or an image, e.g.
     * {@code Charts.heatMaps("z", List.of("channel 0"), List.of(image.channel(z.row(0), 0)))}.
     *
     * @param title what the picture shows
     * @param names one caption per matrix
     * @param maps the matrices (not modified), at most 16, each with
     *     finite values
     * @return the picture
     */
    public static Picture heatMaps(String title, List<String> names, List<Matrix> maps) {
        return Drawings.heatMaps(title, names, maps);
    }

    /**
     * A 2-D classifier's decision boundary: its output over a grid, shaded by class, with the data on top.
     *
     * @param network a network with 2 inputs
     * @param data labelled points with 2 features
     * @return the picture
     */
    public static Picture decisionBoundary(io.github.backprop.nn.Network network, Dataset data) {
        return Drawings.decisionBoundary(network, data);
    }

    /**
     * The confusion matrix as a heat map, with the counts written in the cells.
     *
     * @param confusion the confusion matrix
     * @return the picture
     */
    public static Picture confusionMatrix(ConfusionMatrix confusion) {
        return Drawings.confusionMatrix(confusion);
    }

    /**
     * A grid of 8x8 digit images with their labels.
     *
     * @param digits samples with 64 features in [0, 1]
     * @param from first row to show
     * @param count how many rows
     * @return the picture
     */
    public static Picture digitGrid(Dataset digits, int from, int count) {
        return Drawings.digitGrid(digits, from, count, null);
    }

    /**
     * A grid of 8x8 digit images with true and predicted labels; wrong predictions are framed.
     *
     * @param digits samples with 64 features in [0, 1]
     * @param predicted the predicted class of every sample
     * @return the picture
     */
    public static Picture digitGrid(Dataset digits, int[] predicted) {
        if (predicted.length != digits.size()) {
            throw new IllegalArgumentException("shape mismatch: " + digits.size() + " digits but " + predicted.length + " predictions");
        }
        return Drawings.digitGrid(digits, 0, digits.size(), predicted);
    }

    /**
     * Renders a chart to an image, with the {@link ChartStyle} axis rules in force.
     *
     * @param chart an XChart chart
     * @return the image
     */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return ReadableAxes.draw(chart, () -> BitmapEncoder.getBufferedImage(chart));
    }

    /**
     * Renders a chart to PNG bytes, with the {@link ChartStyle} axis rules in force.
     *
     * @param chart an XChart chart
     * @return the PNG
     */
    public static byte[] toPng(Chart<?, ?> chart) {
        return ReadableAxes.draw(chart, () -> {
            try {
                return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException e) {
                throw new UncheckedIOException("could not render the chart to PNG", e);
            }
        });
    }

    /**
     * Writes a chart as a PNG file.
     *
     * @param chart an XChart chart
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        Files.write(file, toPng(chart));
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' needs x and y of the same non-zero length, got "
                    + x.length + " and " + y.length);
        }
        XYSeries s = chart.addSeries(name, x.clone(), y.clone());
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static void autoLog(XYChart chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (allPositive(chart) && max / min > LOG_SCALE_RATIO) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
    }

    private static boolean allPositive(XYChart chart) {
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void requireEpochs(History history) {
        if (history.epochs().isEmpty()) {
            throw new IllegalArgumentException("the history has no epochs to draw");
        }
    }

    private static double[] epochs(History history) {
        double[] e = new double[history.epochs().size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = history.epochs().get(i).epoch();
        }
        return e;
    }
}
