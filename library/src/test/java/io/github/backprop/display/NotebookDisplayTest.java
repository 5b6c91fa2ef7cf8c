package io.github.backprop.display;

import io.github.backprop.activation.Activations;
import io.github.backprop.chart.Charts;
import io.github.backprop.data.Datasets;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingListener;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Display in a notebook, through basekernel's own Renderer")
class NotebookDisplayTest {

    /** A kernel like IJava's: a BaseKernel with basekernel's default renderers. */
    static final class TestKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo("Java", "17", "text/x-java-source", ".jshell", "java", "java", null);
        }

        @Override
        public DisplayData eval(String expr) {
            return null;
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }
    }

    static Renderer setUp() {
        TestKernel kernel = new TestKernel();
        Notebook.setup(kernel);
        return kernel.getRenderer();
    }

    @Test
    @DisplayName("a Tablesaw table renders as text/html and text/plain")
    void tables() {
        Table t = Table.create("small", IntColumn.create("n", 1, 2, 3));
        DisplayData data = setUp().render(t);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>n</th>") && html.contains("<td>3</td>"), html);
        assertNotNull(data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    @DisplayName("a long table is truncated with a note of the hidden rows")
    void longTables() {
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        String html = (String) setUp().render(Table.create("long", IntColumn.create("n", values))).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("85 more rows"), html);
        assertTrue(html.contains("<td>99</td>") && !html.contains("<td>50</td>"), html);
    }

    @Test
    @DisplayName("a chart renders as a PNG image of the chart's size")
    void charts() throws IOException {
        DisplayData data = setUp().render(Charts.activation(Activations.sigmoid(), -3, 3));
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    @DisplayName("the library's own results render as tables")
    void results() {
        History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1)).epochs(2).batchSize(4).build()
                .fit(Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(1).build(), Datasets.xor());
        String html = (String) setUp().render(h).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("training loss"), html);
    }

    @Test
    @DisplayName("registering twice renders once, with the same output")
    void idempotent() {
        TestKernel kernel = new TestKernel();
        Notebook.setup(kernel);
        int registered = Notebook.registrations();
        Table t = Table.create("t", IntColumn.create("n", 1));
        Object first = kernel.getRenderer().render(t).getData(MIMEType.TEXT_HTML);
        Notebook.setup(kernel);
        assertEquals(registered, Notebook.registrations());
        assertEquals(first, kernel.getRenderer().render(t).getData(MIMEType.TEXT_HTML));
    }

    @Nested
    @DisplayName("the live training display")
    class Live {
        final List<String> log = new ArrayList<>();
        final LiveTrainingDisplay.Sink sink = new LiveTrainingDisplay.Sink() {
            int next;

            @Override
            public String show(Object value) {
                log.add("show " + value.getClass().getSimpleName());
                return "id" + next++;
            }

            @Override
            public void update(String id, Object value) {
                log.add("update " + id);
            }
        };

        @Test
        @DisplayName("draws once, then updates in place at most once per interval, and always at the end")
        void throttles() {
            AtomicLong clock = new AtomicLong();
            LiveTrainingDisplay live = new LiveTrainingDisplay(sink, clock::get, 300);
            Network net = Network.builder(2).dense(1, Activations.sigmoid()).seed(1).build();
            for (int e = 1; e <= 10; e++) {
                clock.set(e * 100L);
                live.epochCompleted(new EpochStats(e, 1.0 / e, Double.NaN, Double.NaN, Double.NaN, new double[0], e), net);
            }
            live.trainingEnded(new History(List.of(), History.StopReason.EPOCHS_COMPLETED));
            assertEquals(List.of("show XYChart", "show String"), log.subList(0, 2));
            assertTrue(log.stream().allMatch(s -> s.startsWith("show") || s.equals("update id0") || s.equals("update id1")), log::toString);
            assertEquals(5, live.updates());
        }

        @Test
        @DisplayName("does nothing and never fails outside a notebook")
        void outsideAKernel() {
            TrainingListener listener = LiveTrainingDisplay.create();
            History h = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(1)).epochs(3).batchSize(4).listener(listener)
                    .build().fit(Network.builder(2).dense(1, Activations.sigmoid()).seed(1).build(), Datasets.xor());
            assertFalse(h.epochs().isEmpty());
        }
    }
}
