package io.github.backprop.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.NotebookRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tutorial opened where its lib/ folder is missing (a fresh clone before the build, or the notebook
 * copied elsewhere): neither kernel stops "Run All" at a failing cell, so the first cell must say what
 * to do, instead of a confusing "package does not exist" in the second.
 */
@DisplayName("A tutorial opened without its lib/ folder")
class FirstCellTest {
    static final String BUILD_COMMAND = "./mvnw -B -pl notebooks -am package -DskipTests";

    @Test
    @DisplayName("fails in its first cell, with a message that names the folder it looked for and the build command")
    void failsInTheFirstCellWithTheBuildCommand(@TempDir Path elsewhere) throws Exception {
        Path copy = Files.copy(TutorialRuns.FOLDER.resolve("01-forward-pass-and-mse.ipynb"), elsewhere.resolve("copied.ipynb"));
        ExecutedNotebook nb = NotebookRunner.builder().cellTimeout(Duration.ofMinutes(2))
                .jvmOptions(List.of(System.getProperty("notebook.heap", "-Xmx1g"))).build().run(copy);

        assertFalse(nb.succeeded());
        assertEquals(2, nb.failure().orElseThrow().cellNumber(), nb.failure().orElseThrow()::toString);
        String error = nb.cells().get(1).error().orElseThrow();
        assertTrue(error.startsWith("java.lang.IllegalStateException: No folder " + elsewhere.toRealPath().resolve("lib")), error);
        assertTrue(error.contains(BUILD_COMMAND), error);
        assertNull(nb.cells().get(2).executionCount(), "the runner stops at the first failing cell");
    }

    @Test
    @DisplayName("every tutorial has that same first cell")
    void everyTutorialHasIt() throws Exception {
        String first = firstCell("01-forward-pass-and-mse.ipynb");
        for (String name : TutorialRuns.names()) {
            assertEquals(first, firstCell(name), name);
        }
    }

    private static String firstCell(String name) throws Exception {
        JsonObject nb = new JsonParser().parse(Files.readString(TutorialRuns.FOLDER.resolve(name))).getAsJsonObject();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            if ("code".equals(cell.getAsJsonObject().get("cell_type").getAsString())) {
                return cell.getAsJsonObject().get("source").toString();
            }
        }
        throw new AssertionError("no code cell in " + name);
    }
}
