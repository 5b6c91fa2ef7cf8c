package io.github.backprop.display;

import io.github.backprop.activation.Activations;
import io.github.backprop.chart.Charts;
import io.github.backprop.data.Datasets;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a notebook shows for the library's values once display is set up, checked through the
 * kernel's own {@code Renderer} (basekernel's for IJava, JJava's for JJava): each kernel's test
 * extends this class and says how a kernel of its kind is set up.
 */
abstract class InlineDisplayContract {
    /** A kernel's renderer, seen through one call: the value rendered as one MIME type (null if not produced). */
    interface Rendering {
        Object as(Object value, String mimeType);
    }

    /** A fresh kernel of the kind under test, with the library's display set up the way that kernel does it. */
    abstract Rendering kernelWithDisplaySetUp();

    /** Asserts that a table renders as text only before {@code step}, and as an HTML table after it. */
    static void htmlOnlyAfter(Rendering kernel, Runnable step) {
        Table t = Table.create("t", IntColumn.create("n", 1, 2));
        assertNull(kernel.as(t, "text/html"));
        step.run();
        String html = (String) kernel.as(t, "text/html");
        assertTrue(html != null && html.contains("<td>1</td>"), html);
    }

    /** Trains a small network for three epochs with {@link LiveTrainingDisplay#create()} as its listener. */
    static void trainWithLiveDisplay() {
        Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1)).epochs(3).batchSize(4).listener(LiveTrainingDisplay.create())
                .build().fit(Network.builder(2).dense(1, Activations.sigmoid()).seed(1).build(), Datasets.xor());
    }

    @Test
    @DisplayName("a Tablesaw table renders as text/html and text/plain")
    void tables() {
        Rendering kernel = kernelWithDisplaySetUp();
        Table t = Table.create("small", IntColumn.create("n", 1, 2, 3));
        String html = (String) kernel.as(t, "text/html");
        assertTrue(html.contains("<th>n</th>") && html.contains("<td>3</td>"), html);
        assertNotNull(kernel.as(t, "text/plain"));
    }

    @Test
    @DisplayName("a long table is truncated with a note of the hidden rows")
    void longTables() {
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        String html = (String) kernelWithDisplaySetUp().as(Table.create("long", IntColumn.create("n", values)), "text/html");
        assertTrue(html.contains("85 more rows"), html);
        assertTrue(html.contains("<td>99</td>") && !html.contains("<td>50</td>"), html);
    }

    @Test
    @DisplayName("a picture of a Value's graph renders as a PNG image of the picture's size, and its title as text")
    void graphPictures() throws IOException {
        io.github.backprop.autograd.Value x = io.github.backprop.autograd.Value.of(3, "x");
        io.github.backprop.autograd.Value y = x.mul(x).add(x).label("y");
        y.backward();
        Rendering kernel = kernelWithDisplaySetUp();
        io.github.backprop.chart.Picture picture = io.github.backprop.autograd.GraphPicture.of(y);
        byte[] bytes = Base64.getDecoder().decode((String) kernel.as(picture, "image/png"));
        java.awt.image.BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(picture.width(), image.getWidth());
        assertEquals(picture.height(), image.getHeight());
        String text = (String) kernel.as(picture, "text/plain");
        assertTrue(text.startsWith("graph of y: 3 values"), text);
    }

    @Test
    @DisplayName("an XChart chart renders as a PNG image of the chart's size")
    void charts() throws IOException {
        Object png = kernelWithDisplaySetUp().as(Charts.activation(Activations.sigmoid(), -3, 3), "image/png");
        byte[] bytes = Base64.getDecoder().decode((String) png);
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(bytes)).getWidth());
    }

    @Test
    @DisplayName("the library's own results render as tables")
    void results() {
        History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1)).epochs(2).batchSize(4).build()
                .fit(Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(1).build(), Datasets.xor());
        String html = (String) kernelWithDisplaySetUp().as(h, "text/html");
        assertTrue(html.contains("training loss"), html);
    }
}
