package io.github.backprop.display;

import io.github.backprop.chart.Charts;
import io.github.backprop.nn.Network;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import io.github.backprop.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows training as it happens: one loss chart and one progress line (epoch, loss, elapsed time),
 * updated in place in the notebook at most once
 * every {@value #DEFAULT_INTERVAL_MILLIS} ms, and drawn one last time when training ends.
 *
 * <pre>{@code
 * Trainer.builder()...listener(LiveTrainingDisplay.create()).build().fit(net, data);
 * }</pre>
 * Outside a notebook (no kernel found by {@link Notebook#setup()}, nor JJava's extension
 * installed) it does nothing, so the same code runs in plain Java and in tests.
 *
 * <p>A display shows one chart of the epochs it is told about. Give each training run its own
 * display: a display shared by runs (one after another, or a trainer shared between threads) shows
 * all their epochs in one chart, in the order they came. It may be called from several threads at
 * once (its methods are synchronised).
 */
public final class LiveTrainingDisplay implements TrainingListener {
    /** The shortest time between two updates. */
    public static final long DEFAULT_INTERVAL_MILLIS = 300;

    /** Where the display goes: the notebook, or a test's recorder. */
    interface Sink {
        /** Shows a value and returns its display id. */
        String show(Object value);

        /** Replaces what is shown under {@code id}. */
        void update(String id, Object value);
    }

    private final Sink sink;
    private final LongSupplier clockMillis;
    private final long intervalMillis;
    private final List<EpochStats> epochs = new ArrayList<>();
    private String chartId;
    private String lineId;
    private long lastDraw = Long.MIN_VALUE;
    private int updates;

    LiveTrainingDisplay(Sink sink, LongSupplier clockMillis, long intervalMillis) {
        this.sink = sink;
        this.clockMillis = clockMillis;
        this.intervalMillis = intervalMillis;
    }

    /**
     * A live display in the current notebook, or a listener that does nothing outside one.
     *
     * @return the listener to give to {@code TrainerBuilder.listener}
     */
    public static TrainingListener create() {
        Sink sink = Notebook.sink();
        if (sink == null) {
            return (stats, network) -> { };
        }
        return new LiveTrainingDisplay(sink, System::currentTimeMillis, DEFAULT_INTERVAL_MILLIS);
    }

    /** How many times the display was drawn or updated (for tests). */
    synchronized int updates() {
        return updates;
    }

    @Override
    public synchronized void epochCompleted(EpochStats stats, Network network) {
        epochs.add(stats);
        long now = clockMillis.getAsLong();
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < intervalMillis) {
            return;
        }
        lastDraw = now;
        draw();
    }

    @Override
    public synchronized void trainingEnded(History history) {
        if (!epochs.isEmpty()) {
            draw();
        }
    }

    private void draw() {
        EpochStats last = epochs.get(epochs.size() - 1);
        String line = String.format(Locale.ROOT, "epoch %d · loss %.6g%s · %.1f s", last.epoch(), last.trainingLoss(),
                Double.isNaN(last.validationLoss()) ? "" : String.format(Locale.ROOT, " · validation loss %.6g", last.validationLoss()),
                last.elapsedNanos() / 1e9);
        Object chart = Charts.loss(new History(epochs, History.StopReason.EPOCHS_COMPLETED));
        if (chartId == null) {
            chartId = sink.show(chart);
            lineId = sink.show(line);
        } else {
            sink.update(chartId, chart);
            sink.update(lineId, line);
        }
        updates++;
    }
}
