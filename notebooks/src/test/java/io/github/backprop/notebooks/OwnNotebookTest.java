package io.github.backprop.notebooks;

import io.github.backprop.notebook.ExecutedNotebook;
import io.github.backprop.notebook.KernelDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "your own notebook": {@code examples/your-own-notebook.ipynb}, copied into a folder
 * that holds nothing else but the one jar, runs in both kernels' dialects with one class-path line,
 * shows an HTML table and a PNG chart, and prints nothing to stderr; without the jar its first cell
 * says how to build it.
 */
@DisplayName("Your own notebook, in a folder of its own")
class OwnNotebookTest {
    static final Path EXAMPLE = TutorialRuns.FOLDER.resolveSibling("examples").resolve("your-own-notebook.ipynb");

    /** The one jar the build put into notebooks/lib. */
    static Path oneJar() throws IOException {
        try (Stream<Path> jars = Files.list(TutorialRuns.FOLDER.resolve("lib"))) {
            List<Path> all = jars.filter(p -> p.getFileName().toString().matches("backprop-.*-all\\.jar")).toList();
            assertEquals(1, all.size(), () -> "expected the one jar in notebooks/lib, found " + all);
            return all.get(0);
        }
    }

    @ParameterizedTest(name = "in {0}''s dialect")
    @EnumSource(KernelDialect.class)
    @DisplayName("runs with the one jar beside it: a PNG chart, an HTML table, nothing on stderr")
    void runsWithTheOneJar(KernelDialect dialect, @TempDir Path folder) throws Exception {
        Path jar = oneJar();
        Files.copy(jar, folder.resolve(jar.getFileName()));
        Path notebook = Files.copy(EXAMPLE, folder.resolve("mine.ipynb"));

        ExecutedNotebook nb = TutorialRuns.runner(dialect).run(notebook);

        assertTrue(nb.succeeded(), () -> "failed: " + nb.failure().orElseThrow());
        assertTrue(nb.cell("train").data("execute_result", "image/png").isPresent(), "no chart");
        assertTrue(nb.cell("predictions").data("execute_result", "text/html").orElse("").contains("<table"), "no HTML table");
        assertEquals("true", nb.cell("gradient-check").resultText().orElseThrow());
        for (ExecutedNotebook.Cell cell : nb.cells()) {
            assertFalse(cell.outputTypes().contains("error"), cell.id());
            assertEquals("", cell.stderr(), () -> cell.id() + " wrote to stderr");
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("is what the README shows: its first two cells are the README's two code blocks")
    void isWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(TutorialRuns.FOLDER.resolveSibling("README.md"));
        String section = readme.substring(readme.indexOf("### Use it in your own notebook"));
        List<String> blocks = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```java\n(.*?)\n```", java.util.regex.Pattern.DOTALL).matcher(section);
        while (blocks.size() < 2 && m.find()) {
            blocks.add(m.group(1));
        }
        com.google.gson.JsonObject nb = new com.google.gson.JsonParser().parse(Files.readString(EXAMPLE)).getAsJsonObject();
        List<String> cells = new java.util.ArrayList<>();
        for (com.google.gson.JsonElement cell : nb.getAsJsonArray("cells")) {
            com.google.gson.JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code") && cells.size() < 2) {
                StringBuilder text = new StringBuilder();
                c.getAsJsonArray("source").forEach(line -> text.append(line.getAsString()));
                cells.add(text.toString());
            }
        }
        assertEquals(cells, blocks);
    }

    @ParameterizedTest(name = "in {0}''s dialect")
    @EnumSource(KernelDialect.class)
    @DisplayName("without the jar, fails in its first cell with the build command")
    void namesTheBuildCommandWithoutTheJar(KernelDialect dialect, @TempDir Path folder) throws Exception {
        Path notebook = Files.copy(EXAMPLE, folder.resolve("mine.ipynb"));

        ExecutedNotebook nb = TutorialRuns.runner(dialect).run(notebook);

        assertFalse(nb.succeeded());
        assertEquals(nb.cell("load-jar").number(), nb.failure().orElseThrow().cellNumber(), nb.failure().orElseThrow()::toString);
        String error = nb.cell("load-jar").error().orElseThrow();
        assertTrue(error.contains("No backprop-*-all.jar in") && error.contains("./mvnw -B -pl library -am package -DskipTests"), error);
    }
}
