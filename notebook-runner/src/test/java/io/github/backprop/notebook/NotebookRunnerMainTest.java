package io.github.backprop.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The runner's command line")
class NotebookRunnerMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    @DisplayName("runs a folder into an output folder and exits 0")
    void runsFolder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Fixtures.notebook().code("a", "1").writeTo(in.resolve("a.ipynb"));
        Fixtures.notebook().code("b", "2").writeTo(in.resolve("b.ipynb"));
        Path out = dir.resolve("out");
        assertEquals(0, run("--out", out.toString(), in.toString()));
        assertTrue(Files.readString(out.resolve("b.ipynb")).contains("\"execution_count\": 1"));
    }

    @Test
    @DisplayName("exits 1 naming notebook, cell and message on stderr when a cell fails, and says where the failed run went")
    void reportsFailure() throws IOException {
        Path file = Fixtures.notebook().markdown("m", "x").code("bad", "undefinedName").writeTo(dir.resolve("bad.ipynb"));
        Path out = dir.resolve("o");
        assertEquals(1, run("--out", out.toString(), file.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("bad.ipynb, cell 2: CompilationException: cannot find symbol"), message);
        assertTrue(message.contains("the failed run's outputs are in " + out.resolve("bad.failed.ipynb")), message);
        assertFalse(Files.exists(out.resolve("bad.ipynb")));
    }

    @Test
    @DisplayName("exits 2 for an unknown option and for a path with no notebook")
    void usageErrors() {
        assertEquals(2, run("--frobnicate", "x.ipynb"));
        assertEquals(2, run(dir.resolve("missing.ipynb").toString()));
        assertEquals(2, run("--java-home", dir.toString(), "x.ipynb"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown option --frobnicate"), message);
        assertTrue(message.contains("no notebook or folder at"), message);
        assertTrue(message.contains("no Java installation at " + dir), message);
    }

    @Test
    @DisplayName("exits 3 for a file that is not a notebook, naming the problem")
    void unreadableNotebook() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [");
        assertEquals(3, run(file.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("broken.ipynb is not valid JSON"), message);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>();
        for (String option : Fixtures.FAST_START) {
            all.add("--jvm-option");
            all.add(option);
        }
        all.addAll(List.of(args));
        return NotebookRunnerMain.run(all.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
