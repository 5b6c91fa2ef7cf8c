package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The way from the notebook JVM's writes to nbformat outputs, without starting a JVM. */
@DisplayName("Events from the notebook JVM")
class EventsTest {
    @TempDir
    Path dir;

    @Nested
    @DisplayName("become a cell's outputs as IJava shows them")
    class Outputs {
        @Test
        @DisplayName("text between two displays becomes one stdout and one stderr output, stdout first, however it was cut")
        void streamsBetweenDisplays() {
            CellOutputs outputs = new CellOutputs(1);
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "a"));
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stderr", "b"));
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "c\n"));
            outputs.apply(KernelEvent.DISPLAY, display("shown"));
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "d"));
            assertEquals("[stream stdout [\"ac\\n\"], stream stderr [\"b\"], display_data, stream stdout [\"d\"]]", describe(outputs.toJson()));
        }

        @Test
        @DisplayName("text after a result starts a new stream output, which later text of the same stream joins")
        void streamsJoinTheLastOutput() {
            CellOutputs outputs = new CellOutputs(1);
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "one\n"));
            outputs.apply(KernelEvent.RESULT, display("value"));
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "two\n"));
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "three"));
            assertEquals("[stream stdout [\"one\\n\"], execute_result, stream stdout [\"two\\n\",\"three\"]]", describe(outputs.toJson()));
        }

        @Test
        @DisplayName("an update replaces the display with that id and keeps its place")
        void updates() {
            CellOutputs outputs = new CellOutputs(1);
            JsonObject first = display("first");
            first.addProperty("id", "d1");
            outputs.apply(KernelEvent.DISPLAY, first);
            outputs.apply(KernelEvent.STREAM, KernelEvent.stream("stdout", "x"));
            JsonObject update = display("second");
            update.remove("type");
            update.addProperty("type", "update");
            update.addProperty("id", "d1");
            outputs.apply(KernelEvent.UPDATE, update);
            JsonArray json = outputs.toJson();
            assertEquals("[\"second\"]", json.get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").toString());
            assertEquals("[display_data, stream stdout [\"x\"]]", describe(json));
        }
    }

    @Nested
    @DisplayName("travel through the events file")
    class Channel {
        @Test
        @DisplayName("each complete event is read once, in order, while the writer goes on")
        void readsWhatIsComplete() throws IOException {
            Path file = dir.resolve("events");
            try (EventFile reader = new EventFile(file)) {
                EventChannel writer = EventChannel.open(file);
                writer.send(KernelEvent.START.cell(2));
                writer.send(KernelEvent.stream("stdout", "line\nwith \"quotes\" and ünïcödé"));
                assertEquals(List.of("start", "stream"), types(reader.readNew()));
                assertEquals(List.of(), reader.readNew());
                writer.send(KernelEvent.END.cell(2));
                List<JsonObject> end = reader.readNew();
                assertEquals(2, end.get(0).get("cell").getAsInt());
            }
        }

        @Test
        @DisplayName("a cell's text is sent in whole characters, an unfinished UTF-8 sequence waits for its last bytes")
        void wholeCharacters() throws IOException {
            Path file = dir.resolve("events");
            try (EventFile reader = new EventFile(file)) {
                CellStreams streams = new CellStreams(EventChannel.open(file));
                byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
                streams.stdout().write(euro, 0, 2);
                streams.drain();
                assertEquals(List.of(), reader.readNew());
                streams.stdout().write(euro, 2, 1);
                streams.stderr().print("err");
                streams.drain();
                List<JsonObject> events = reader.readNew();
                assertEquals("€", events.get(0).get("text").getAsString());
                assertEquals("stderr", events.get(1).get("name").getAsString());
            }
        }
    }

    private static JsonObject display(String text) {
        JsonObject o = KernelEvent.DISPLAY.create();
        JsonObject data = new JsonObject();
        data.add("text/plain", NotebookFile.lines(text));
        o.add("data", data);
        o.add("metadata", new JsonObject());
        return o;
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.get("type").getAsString()).toList();
    }

    private static String describe(JsonArray outputs) {
        List<String> parts = new ArrayList<>();
        outputs.forEach(o -> {
            JsonObject out = o.getAsJsonObject();
            String type = out.get("output_type").getAsString();
            parts.add("stream".equals(type) ? "stream " + out.get("name").getAsString() + " " + out.get("text") : type);
        });
        return parts.toString();
    }
}
