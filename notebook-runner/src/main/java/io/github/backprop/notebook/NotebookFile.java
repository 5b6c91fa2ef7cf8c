package io.github.backprop.notebook;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and writes nbformat 4 notebooks, keeping everything it does not change: cell ids, cell
 * and notebook metadata, markdown and raw cells, and key order. Written files use Jupyter's own
 * layout (one-space indentation, a trailing newline) so that re-running a notebook gives small diffs.
 */
final class NotebookFile {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private NotebookFile() {
    }

    /** Reads a notebook and checks that it is nbformat 4. */
    static JsonObject read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonElement root;
        try {
            root = new JsonParser().parse(text);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
            throw new IOException(file + " is not a Jupyter notebook: no \"cells\" list");
        }
        JsonObject nb = root.getAsJsonObject();
        int major = nb.has("nbformat") ? nb.get("nbformat").getAsInt() : -1;
        if (major != 4) {
            throw new IOException(file + " is nbformat " + major + "; only nbformat 4 is supported");
        }
        return nb;
    }

    /**
     * Writes a notebook in Jupyter's layout, atomically: the text goes to a temporary file in the
     * same folder, is forced to disk, and then replaces the target in one step, so the target is
     * always either the old notebook or the new one, never a part. An existing target keeps its
     * permissions; a symbolic link is followed, so the file it points to is replaced.
     */
    static void write(JsonObject notebook, Path file) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        byte[] bytes = toJson(notebook).getBytes(StandardCharsets.UTF_8);
        Path tmp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        Cleanup.track(tmp);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (Files.exists(target) && Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            Cleanup.forget(tmp);
        }
    }

    static String toJson(JsonObject notebook) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = GSON.newJsonWriter(out)) {
            writer.setIndent(" ");
            GSON.toJson(notebook, writer);
        }
        return out + "\n";
    }

    /** A multi-line string field (a string or a list of strings) as one string. */
    static String text(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) {
            sb.append(line.getAsString());
        }
        return sb.toString();
    }

    /** Splits text into Jupyter's list-of-lines form, each line but the last keeping its newline. */
    static JsonArray lines(String text) {
        JsonArray array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                array.add(new JsonPrimitive(text.substring(start, i + 1)));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            array.add(new JsonPrimitive(text.substring(start)));
        }
        return array;
    }

    /** The cells of a notebook. */
    static List<JsonObject> cells(JsonObject notebook) {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            cells.add(cell.getAsJsonObject());
        }
        return cells;
    }
}
