package io.github.backprop.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One cell's {@code System.out} and {@code System.err} in the notebook JVM. What the cell writes
 * is held briefly and sent to the runner as {@link KernelEvent#STREAM} events by {@link #drain()},
 * which the cell loop calls before every display, result and error (so the order is kept), every
 * 100 ms while the cell runs (so what a cell printed before it hung or died is not lost), and when
 * the JVM exits. How the runner merges the pieces into notebook outputs does not depend on when they
 * were sent.
 */
final class CellStreams {
    /** Pending text above this size is sent at once, whatever the schedule. */
    private static final int MAX_PENDING = 64 * 1024;

    private final EventChannel channel;
    private final Pending out = new Pending("stdout");
    private final Pending err = new Pending("stderr");
    private final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

    CellStreams(EventChannel channel) {
        this.channel = channel;
    }

    /** What the cell sees as {@code System.out}. */
    PrintStream stdout() {
        return stdout;
    }

    /** What the cell sees as {@code System.err}. */
    PrintStream stderr() {
        return stderr;
    }

    /** Sends everything written so far (stdout first, then stderr) and clears it. */
    void drain() {
        synchronized (channel) {
            out.drain();
            err.drain();
        }
    }

    /** Bytes written to one stream and not yet sent. */
    private final class Pending extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pending(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean full;
            synchronized (this) {
                bytes.write(b, off, len);
                full = bytes.size() > MAX_PENDING;
            }
            if (full) {
                CellStreams.this.drain();
            }
        }

        /** Sends the complete characters written so far; an unfinished UTF-8 sequence waits. */
        void drain() {
            byte[] ready;
            synchronized (this) {
                byte[] all = bytes.toByteArray();
                int complete = completeLength(all);
                if (complete == 0) {
                    return;
                }
                ready = Arrays.copyOf(all, complete);
                bytes.reset();
                bytes.write(all, complete, all.length - complete);
            }
            channel.send(KernelEvent.stream(name, new String(ready, StandardCharsets.UTF_8)));
        }
    }

    /**
     * The length of the longest prefix that does not end inside a UTF-8 sequence.
     *
     * @param b UTF-8 bytes, possibly cut anywhere
     * @return b.length, or less if the last up to three bytes start a character that is not complete
     */
    static int completeLength(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int v = b[b.length - back] & 0xFF;
            if (v < 0x80) {
                return b.length; // ASCII: nothing unfinished
            }
            if (v >= 0xC0) { // a lead byte: how long is its sequence?
                int needed = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : 2;
                return needed > back ? b.length - back : b.length;
            }
        }
        return b.length; // only continuation bytes: malformed, send as it is
    }
}
