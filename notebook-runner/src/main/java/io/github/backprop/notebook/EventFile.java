package io.github.backprop.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's side of the events file: reads the events the notebook JVM has written so far,
 * while it is still writing. A line is taken only once it is complete, so a JVM that dies in the
 * middle of an event leaves nothing half-read.
 */
final class EventFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** Opens the file, which the notebook JVM will fill (it is created empty here). */
    EventFile(Path file) throws IOException {
        this.file = file;
        Files.createFile(file);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The events completed since the last call, in order. */
    List<JsonObject> readNew() throws IOException {
        List<JsonObject> events = new ArrayList<>();
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n <= 0) {
                return events;
            }
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    events.add(parse(partial.toString(StandardCharsets.UTF_8)));
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, n - start);
        }
    }

    private JsonObject parse(String line) throws IOException {
        try {
            JsonElement e = new JsonParser().parse(line);
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw new IOException("a damaged event in " + file + ": " + e.getMessage(), e);
        }
        throw new IOException("a damaged event in " + file + ": " + line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
