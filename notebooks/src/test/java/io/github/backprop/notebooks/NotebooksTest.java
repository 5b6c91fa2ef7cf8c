package io.github.backprop.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.backprop.notebook.ExecutedNotebook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The tutorial notebooks")
class NotebooksTest {

    @TestFactory
    @DisplayName("each runs top to bottom in the IJava-like runner without an error")
    Stream<DynamicTest> eachRunsWithoutError() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExecutedNotebook nb = TutorialRuns.run(name);
            assertTrue(nb.succeeded(), () -> "failed: " + nb.failure().orElseThrow());
            System.out.printf("%s ran in %.1f s%n", name, TutorialRuns.millis(name) / 1000.0);
        }));
    }

    @TestFactory
    @DisplayName("each is committed with the results its code produces now (every cell's text result)")
    Stream<DynamicTest> committedOutputsAreCurrent() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExecutedNotebook fresh = TutorialRuns.run(name);
            JsonObject committed = new JsonParser().parse(Files.readString(TutorialRuns.FOLDER.resolve(name))).getAsJsonObject();
            List<String> stale = new ArrayList<>();
            int i = 0;
            for (JsonElement c : committed.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                ExecutedNotebook.Cell now = fresh.cells().get(i++);
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                String then = committedResult(cell);
                String current = now.resultText().orElse(null);
                if (then == null ? current != null : !then.equals(current)) {
                    stale.add("cell " + now.number() + " (" + now.id() + "): committed " + then + ", now " + current);
                }
            }
            assertEquals(List.of(), stale, name + " is stale: re-render with ./mvnw -B -Prender -DskipTests package");
        }));
    }

    @TestFactory
    @DisplayName("each opens with its learning goals, uses the kernel named java, loads the library with %classpath (never %jars or %maven) and sets up display with Notebook.setup()")
    Stream<DynamicTest> followTheConventions() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String json = Files.readString(TutorialRuns.FOLDER.resolve(name));
            JsonObject nb = new JsonParser().parse(json).getAsJsonObject();
            JsonObject kernelspec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
            assertEquals("java", kernelspec.get("name").getAsString());
            assertEquals("java", kernelspec.get("language").getAsString());
            ExecutedNotebook run = TutorialRuns.run(name);
            List<ExecutedNotebook.Cell> cells = run.cells();
            assertEquals("markdown", cells.get(0).type());
            assertTrue(cells.get(0).source().contains("By the end of this notebook"), "no learning goals in " + name);
            List<ExecutedNotebook.Cell> code = cells.stream().filter(c -> c.type().equals("code")).toList();
            assertTrue(code.get(0).source().strip().endsWith("\n%classpath lib/*.jar"), code.get(0)::source);
            assertTrue(code.get(1).source().strip().endsWith("\nNotebook.setup();"), code.get(1)::source);
            // %jars and getKernelInstance() print deprecation warnings in JJava; IJava's %maven cannot load Tablesaw
            for (String avoided : List.of("%jars", "getKernelInstance", "%maven")) {
                assertTrue(!json.contains(avoided), name + " uses " + avoided);
            }
            assertTrue(run.markdown().contains("## Exercises"), "no exercises in " + name);
        }));
    }

    @TestFactory
    @DisplayName("each shows at least one table (text/html) and one chart or picture (image/png)")
    Stream<DynamicTest> eachShowsATableAndAPicture() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExecutedNotebook nb = TutorialRuns.run(name);
            assertTrue(nb.succeeded(), () -> "failed: " + nb.failure().orElseThrow());
            assertTrue(nb.cells().stream().anyMatch(c -> shows(c, "text/html")), name + " shows no table (no text/html output)");
            assertTrue(nb.cells().stream().anyMatch(c -> shows(c, "image/png")), name + " shows no chart or picture (no image/png output)");
        }));
    }

    private static boolean shows(ExecutedNotebook.Cell cell, String mimeType) {
        return cell.data("execute_result", mimeType).isPresent() || cell.data("display_data", mimeType).isPresent();
    }

    private static String committedResult(JsonObject cell) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if ("execute_result".equals(out.get("output_type").getAsString())) {
                JsonElement text = out.getAsJsonObject("data").get("text/plain");
                if (text == null) {
                    return null;
                }
                if (text.isJsonPrimitive()) {
                    return text.getAsString();
                }
                StringBuilder sb = new StringBuilder();
                text.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
                return sb.toString();
            }
        }
        return null;
    }
}
