package io.github.backprop.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.KernelDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-runs notebook 8's training cells many times in one notebook JVM, as a learner does who runs
 * them again and again, with the Binder heap cap, and measures the heap in use after a full
 * garbage collection after each round. {@code -Dsoak.rounds=N} sets the number of rounds
 * (default 8, which takes well under a minute).
 */
@DisplayName("Notebook 8's training cells, re-run many times in one kernel")
class TrainingSoakTest {
    private static final List<String> SETUP = List.of("load-jars", "setup", "xor-data");
    private static final List<String> TRAINING = List.of("xor-build", "xor-train", "moons-train", "lr-curves");
    private static final String HEAP_AFTER_GC = """
            System.gc();
            Runtime rt = Runtime.getRuntime();
            (rt.totalMemory() - rt.freeMemory()) + " " + rt.maxMemory()
            """;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    @DisplayName("keep the heap in use after GC far below the Binder cap, without growing round by round")
    void heapStaysBelowTheCap() throws IOException {
        int rounds = Integer.getInteger("soak.rounds", 8);
        String heapCap = System.getProperty("notebook.heap", "-Xmx1g");
        Path notebook = soakNotebook(rounds);
        long start = System.nanoTime();
        // the tutorials' runner: the notebooks' heap cap (notebook.heap), 2 minutes a cell
        ExecutedNotebook run = TutorialRuns.runner(KernelDialect.IJAVA).run(notebook);
        assertTrue(run.succeeded(), () -> "failed: " + run.failure().orElseThrow());

        List<Long> heap = new ArrayList<>();
        long max = 0;
        for (int r = 0; r <= rounds; r++) {
            String[] used = run.cell("heap-" + r).resultText().orElseThrow().replace("\"", "").split(" ");
            heap.add(Long.parseLong(used[0]));
            max = Long.parseLong(used[1]);
        }
        System.out.printf(Locale.ROOT, "soak: %d rounds of %s with %s in %.0f s; heap in use after GC (MiB), "
                        + "before the first round and after each: %s; cap %d MiB%n",
                rounds, TRAINING, heapCap, (System.nanoTime() - start) / 1e9,
                heap.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / (double) MIB)).toList(), max / MIB);

        long last = heap.get(rounds);
        assertTrue(last < max / 4, "after " + rounds + " rounds the heap in use after GC is " + last / MIB
                + " MiB, more than a quarter of the cap " + max / MIB + " MiB");
        // JShell keeps what overwritten snippets held (in IJava as here), so some growth is expected.
        // Round 2 or 3 also adds much more than the others, once (about 16 MiB), and the next round
        // gives some of it back, so the rate is the median of the rounds' growths from round 2 on,
        // which a one-off step does not move but a leak in every round does: at that rate a learner
        // must be able to re-run the cells hundreds of times more before the heap could reach the cap
        double perRound = Math.max(1, medianGrowthFrom(2, heap));
        double roundsLeft = (max - last) / perRound;
        System.out.printf(Locale.ROOT, "soak: median growth %.0f KiB per round from round 2; %.0f more rounds to the cap%n", perRound / 1024, roundsLeft);
        assertTrue(roundsLeft > 500, "the heap in use after GC grows by " + (long) perRound / 1024
                + " KiB in a median round, reaching the cap in " + (long) roundsLeft + " more rounds: " + heap);
    }

    /** The median of the growths heap[r] - heap[r - 1], for r from {@code from} to the last round. */
    private static double medianGrowthFrom(int from, List<Long> heap) {
        if (heap.size() - from < 3) {
            throw new IllegalArgumentException("soak.rounds must be at least " + (from + 2) + " to measure a rate");
        }
        List<Long> growths = new ArrayList<>();
        for (int r = from; r < heap.size(); r++) {
            growths.add(heap.get(r) - heap.get(r - 1));
        }
        Collections.sort(growths);
        int n = growths.size();
        return n % 2 == 1 ? growths.get(n / 2) : (growths.get(n / 2 - 1) + growths.get(n / 2)) / 2.0;
    }

    /** Notebook 8's setup cells, then the training cells {@code rounds} times, each round followed by a heap probe. */
    private Path soakNotebook(int rounds) throws IOException {
        JsonObject tutorial = new JsonParser().parse(Files.readString(TutorialRuns.FOLDER.resolve("08-training.ipynb")))
                .getAsJsonObject();
        JsonArray cells = new JsonArray();
        for (String id : SETUP) {
            JsonObject cell = cell(tutorial, id);
            if (id.equals("load-jars")) {
                // the tutorial loads lib/*.jar relative to its folder; this copy lives elsewhere
                cell.add("source", new JsonPrimitive("%jars \"" + TutorialRuns.FOLDER.resolve("lib") + "/*.jar\""));
            }
            cells.add(cell);
        }
        cells.add(probe(0));
        for (int r = 1; r <= rounds; r++) {
            for (String id : TRAINING) {
                JsonObject cell = cell(tutorial, id);
                cell.addProperty("id", id + "-" + r);
                cells.add(cell);
            }
            cells.add(probe(r));
        }
        tutorial.add("cells", cells);
        Path file = dir.resolve("soak.ipynb");
        Files.writeString(file, tutorial.toString());
        return file;
    }

    private static JsonObject cell(JsonObject notebook, String id) {
        for (JsonElement c : notebook.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.has("id") && id.equals(cell.get("id").getAsString())) {
                return cell.deepCopy();
            }
        }
        throw new IllegalStateException("notebook 8 has no cell " + id);
    }

    private static JsonObject probe(int round) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("execution_count", null);
        cell.addProperty("id", "heap-" + round);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.addProperty("source", HEAP_AFTER_GC);
        return cell;
    }
}
