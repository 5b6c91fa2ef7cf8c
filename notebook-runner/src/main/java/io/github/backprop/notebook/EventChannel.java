package io.github.backprop.notebook;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The notebook JVM's side of the events file: each {@link KernelEvent} is written as one JSON line
 * with a single unbuffered write, so it reaches the operating system at once and survives the
 * JVM's end. Thread-safe; callers that must keep several events together synchronise on the
 * channel.
 */
final class EventChannel {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final OutputStream out;

    private EventChannel(OutputStream out) {
        this.out = out;
    }

    /** Opens (and truncates) the events file. */
    static EventChannel open(Path file) throws IOException {
        return new EventChannel(new FileOutputStream(file.toFile()));
    }

    /**
     * Writes one event.
     *
     * @throws UncheckedIOException if the file cannot be written (the runner will then report the
     *     notebook JVM's end instead of this event)
     */
    synchronized void send(JsonObject event) {
        byte[] line = (GSON.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the runner's events file", e);
        }
    }
}
