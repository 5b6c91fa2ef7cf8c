package io.github.backprop.chart;

import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The pictures the library draws with Java2D (XChart has no shaded grids or image grids).
 *
 * <p>(About 300 lines: one method per picture, heat maps, digit grids and decision boundaries,
 * sharing the colour scale and the layout code here.)
 */
final class Drawings {
    private Drawings() {
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(ChartStyle.TEXT_FONT);
        return g;
    }

    static Color blend(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    static Color classColor(int k) {
        return ChartStyle.PALETTE.get(k % ChartStyle.PALETTE.size());
    }

    static Picture decisionBoundary(Network network, Dataset data) {
        if (network.inputSize() != 2 || data.featureCount() != 2) {
            throw new IllegalArgumentException("a decision boundary needs 2-D inputs: the network takes " + network.inputSize()
                    + " and the data has " + data.featureCount() + " features");
        }
        if (network.outputSize() != data.targetCount()) {
            throw new IllegalArgumentException("shape mismatch: the network has " + network.outputSize()
                    + " outputs but the data has " + data.targetCount() + " targets");
        }
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("a decision boundary needs class labels (one-hot or 0/1 targets)");
        }
        int plot = 440;
        int left = 60;
        int top = 40;
        int width = left + plot + 150;
        int height = top + plot + 50;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < data.size(); r++) {
            minX = Math.min(minX, data.feature(r, 0));
            maxX = Math.max(maxX, data.feature(r, 0));
            minY = Math.min(minY, data.feature(r, 1));
            maxY = Math.max(maxY, data.feature(r, 1));
        }
        double padX = Math.max(1e-9, (maxX - minX) * 0.1 + (maxX == minX ? 0.5 : 0));
        double padY = Math.max(1e-9, (maxY - minY) * 0.1 + (maxY == minY ? 0.5 : 0));
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        int cells = 110;
        double[][] grid = new double[cells * cells][];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                grid[i * cells + j] = new double[] {minX + (maxX - minX) * (j + 0.5) / cells,
                        maxY - (maxY - minY) * (i + 0.5) / cells};
            }
        }
        double[][] out = network.predict(grid);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        double cell = (double) plot / cells;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                double[] o = out[i * cells + j];
                Color c;
                if (o.length == 1) {
                    c = blend(blend(Color.WHITE, classColor(0), 0.45), blend(Color.WHITE, classColor(1), 0.45), o[0]);
                } else {
                    int k = Evaluation.predictedClass(o);
                    c = blend(Color.WHITE, classColor(k), 0.15 + 0.35 * o[k]);
                }
                g.setColor(c);
                g.fillRect(left + (int) Math.floor(j * cell), top + (int) Math.floor(i * cell),
                        (int) Math.ceil(cell) + 1, (int) Math.ceil(cell) + 1);
            }
        }
        for (int r = 0; r < data.size(); r++) {
            double px = left + (data.feature(r, 0) - minX) / (maxX - minX) * plot;
            double py = top + (maxY - data.feature(r, 1)) / (maxY - minY) * plot;
            Ellipse2D dot = new Ellipse2D.Double(px - 4, py - 4, 8, 8);
            g.setColor(classColor(data.label(r)));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(dot);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, plot, plot);
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString("decision boundary", left, top - 14);
        g.setFont(ChartStyle.TEXT_FONT);
        List<String> features = data.featureNames();
        g.drawString(format(minX), left, top + plot + 16);
        String maxXs = format(maxX);
        g.drawString(maxXs, left + plot - g.getFontMetrics().stringWidth(maxXs), top + plot + 16);
        g.drawString(features.get(0), left + plot / 2 - 10, top + plot + 34);
        g.drawString(format(maxY), 4, top + 12);
        g.drawString(format(minY), 4, top + plot);
        g.drawString(features.get(1), 4, top + plot / 2);
        int ly = top + 10;
        for (int k = 0; k < data.classCount(); k++) {
            g.setColor(classColor(k));
            g.fillOval(left + plot + 20, ly - 9, 10, 10);
            g.setColor(Color.BLACK);
            String name = data.classNames().isEmpty() ? "class " + k : data.classNames().get(k);
            g.drawString(name, left + plot + 36, ly);
            ly += 20;
        }
        g.dispose();
        return new Picture("decision boundary", image);
    }

    static Picture confusionMatrix(ConfusionMatrix confusion) {
        int k = confusion.classCount();
        int cell = Math.max(28, Math.min(56, 480 / k));
        int left = 110;
        int top = 60;
        BufferedImage image = new BufferedImage(left + k * cell + 30, top + k * cell + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        int[][] counts = confusion.counts();
        List<String> names = confusion.classNames();
        for (int t = 0; t < k; t++) {
            int rowTotal = 0;
            for (int v : counts[t]) {
                rowTotal += v;
            }
            for (int p = 0; p < k; p++) {
                double share = rowTotal == 0 ? 0 : (double) counts[t][p] / rowTotal;
                Color base = t == p ? ChartStyle.POSITIVE : ChartStyle.NEGATIVE;
                g.setColor(blend(Color.WHITE, base, share));
                g.fillRect(left + p * cell, top + t * cell, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String s = String.valueOf(counts[t][p]);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(s, left + p * cell + (cell - fm.stringWidth(s)) / 2, top + t * cell + (cell + fm.getAscent()) / 2 - 2);
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= k; i++) {
            g.drawLine(left, top + i * cell, left + k * cell, top + i * cell);
            g.drawLine(left + i * cell, top, left + i * cell, top + k * cell);
        }
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            String n = names.get(i);
            g.drawString(n, left + i * cell + (cell - fm.stringWidth(n)) / 2, top - 6);
            g.drawString(n, left - 8 - fm.stringWidth(n), top + i * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        g.drawString("predicted", left + k * cell / 2 - 25, top - 24);
        g.drawString("true", 8, top - 6);
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString("confusion matrix", 8, 20);
        g.dispose();
        return new Picture("confusion matrix", image);
    }

    static Picture digitGrid(Dataset digits, int from, int count, int[] predicted) {
        if (digits.featureCount() != 64) {
            throw new IllegalArgumentException("digit images need 64 features (8x8 pixels), the data has " + digits.featureCount());
        }
        if (count <= 0 || from < 0 || from + count > digits.size()) {
            throw new IllegalArgumentException("rows " + from + " to " + (from + count) + " are not inside the "
                    + digits.size() + " digits");
        }
        int scale = 6;
        int box = 8 * scale;
        int labelHeight = 18;
        int columns = Math.min(10, count);
        int rows = (count + columns - 1) / columns;
        int pad = 6;
        BufferedImage image = new BufferedImage(columns * (box + pad) + pad, rows * (box + labelHeight + pad) + pad,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        for (int n = 0; n < count; n++) {
            int r = from + n;
            int x0 = pad + (n % columns) * (box + pad);
            int y0 = pad + (n / columns) * (box + labelHeight + pad);
            for (int p = 0; p < 64; p++) {
                double v = Math.max(0, Math.min(1, digits.feature(r, p)));
                int shade = (int) Math.round(255 * (1 - v));
                g.setColor(new Color(shade, shade, shade));
                g.fillRect(x0 + (p % 8) * scale, y0 + (p / 8) * scale, scale, scale);
            }
            String truth = digits.hasLabels() ? label(digits, digits.label(r)) : "?";
            String text = truth;
            boolean wrong = false;
            if (predicted != null) {
                String guess = label(digits, predicted[r]);
                wrong = !guess.equals(truth);
                text = wrong ? truth + " as " + guess : truth;
            }
            g.setColor(wrong ? ChartStyle.NEGATIVE : Color.GRAY);
            g.setStroke(new BasicStroke(wrong ? 2f : 1f));
            g.drawRect(x0, y0, box, box);
            g.setColor(wrong ? ChartStyle.NEGATIVE : Color.BLACK);
            g.drawString(text, x0 + 2, y0 + box + 14);
        }
        g.dispose();
        return new Picture(count + " digits", image);
    }

    /** The most matrices one heat-map picture takes. */
    static final int MAX_HEAT_MAPS = 16;

    static Picture heatMaps(String title, List<String> names, List<Matrix> maps) {
        if (title == null || names == null || maps == null) {
            throw new IllegalArgumentException("heat maps need a title, names and matrices, got null");
        }
        if (maps.isEmpty() || maps.size() > MAX_HEAT_MAPS) {
            throw new IllegalArgumentException("heat maps draw 1 to " + MAX_HEAT_MAPS + " matrices, got " + maps.size());
        }
        if (names.size() != maps.size()) {
            throw new IllegalArgumentException("shape mismatch: " + names.size() + " names for " + maps.size() + " matrices");
        }
        int rows = 0;
        int cols = 0;
        double largest = 0;
        for (int m = 0; m < maps.size(); m++) {
            Matrix map = maps.get(m);
            if (map == null || map.rows() == 0 || map.cols() == 0) {
                throw new IllegalArgumentException("matrix " + m + " (" + names.get(m) + ") is empty");
            }
            rows = Math.max(rows, map.rows());
            cols = Math.max(cols, map.cols());
            for (int i = 0; i < map.rows(); i++) {
                for (int j = 0; j < map.cols(); j++) {
                    double v = map.get(i, j);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("matrix " + m + " (" + names.get(m) + ") has a non-finite value "
                                + v + " at row " + i + ", column " + j);
                    }
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        int cell = Math.max(6, Math.min(40, 160 / Math.max(rows, cols)));
        int pad = 16;
        int captionHeight = 22;
        int panelWidth = Math.max(cols * cell, 100);
        int perRow = Math.min(maps.size(), 4);
        int panelRows = (maps.size() + perRow - 1) / perRow;
        int top = 36;
        // wide enough for the colour note under the grids
        int width = Math.max(480, pad + perRow * (panelWidth + pad));
        int height = top + panelRows * (rows * cell + captionHeight + pad) + 24;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        for (int m = 0; m < maps.size(); m++) {
            Matrix map = maps.get(m);
            int x0 = pad + (m % perRow) * (panelWidth + pad);
            int y0 = top + (m / perRow) * (rows * cell + captionHeight + pad);
            for (int i = 0; i < map.rows(); i++) {
                for (int j = 0; j < map.cols(); j++) {
                    double v = map.get(i, j);
                    double share = largest == 0 ? 0 : Math.abs(v) / largest;
                    g.setColor(blend(Color.WHITE, v >= 0 ? ChartStyle.POSITIVE : ChartStyle.NEGATIVE, share));
                    g.fillRect(x0 + j * cell, y0 + i * cell, cell, cell);
                }
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x0, y0, map.cols() * cell, map.rows() * cell);
            g.setColor(Color.BLACK);
            g.drawString(names.get(m), x0, y0 + map.rows() * cell + 16);
        }
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString(title, pad, 22);
        g.setFont(ChartStyle.TEXT_FONT);
        g.setColor(Color.DARK_GRAY);
        g.drawString("blue > 0, orange < 0, white = 0; full colour = " + format(largest) + " (largest |value|)",
                pad, height - 10);
        g.dispose();
        return new Picture(title, image);
    }

    private static String label(Dataset d, int k) {
        return d.classNames().isEmpty() ? String.valueOf(k) : d.classNames().get(k);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
