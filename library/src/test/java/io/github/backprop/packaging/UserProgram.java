package io.github.backprop.packaging;

import io.github.backprop.activation.Activations;
import io.github.backprop.chart.Charts;
import io.github.backprop.data.TableData;
import io.github.backprop.io.ModelJson;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain Java program that uses the library the way a user's program or notebook does, run by
 * {@link PackagingIT} in a JVM of its own on a packaged class path. Each step goes through a part of
 * the dependencies that the one jar keeps only in part (Tablesaw's CSV reader with its charset guess,
 * string and boolean columns, summaries and filters; XChart's bitmap and vector exports; Jackson), and
 * prints one line when it has worked. It prints nothing else: whatever appears on stderr came from
 * the libraries or the JVM.
 */
public final class UserProgram {
    private UserProgram() {
    }

    /**
     * Runs every step in a scratch folder.
     *
     * @param args the scratch folder to write files into
     * @throws Exception if a step fails (the test then sees a non-zero exit and the stack trace)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);

        Path csv = dir.resolve("flowers.csv");
        Files.writeString(csv, "species,length,scented\nsetosa,1.4,true\nvirginica,5.5,false\nsetosa,1.3,true\n");
        Table flowers = TableData.readCsv(csv);
        Table longOnes = flowers.where(flowers.doubleColumn("length").isGreaterThan(2));
        System.out.println("csv: " + flowers.rowCount() + " rows, " + longOnes.rowCount() + " long, "
                + flowers.stringColumn("species").countUnique() + " species, "
                + flowers.booleanColumn("scented").countTrue() + " scented, summary "
                + flowers.summary().rowCount() + " rows");

        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        Network net = Network.builder(2).dense(3, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(7).build();
        History history = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1.0)).epochs(5).batchSize(4).build()
                .fit(net, x, y);
        System.out.println("training: " + history.epochs().size() + " epochs");

        Network back = ModelJson.fromJson(ModelJson.toJson(net));
        System.out.println("json: " + back.layers().size() + " layers");

        XYChart chart = Charts.loss(history);
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        for (VectorGraphicsEncoder.VectorGraphicsFormat format : VectorGraphicsEncoder.VectorGraphicsFormat.values()) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve("loss").toString(), format);
        }
        try (var files = Files.list(dir)) {
            System.out.println("chart: png " + (png.length > 0) + ", vector files " + files.filter(f -> f.getFileName().toString().startsWith("loss.")).count());
        }
    }
}
