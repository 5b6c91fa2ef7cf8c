package io.github.backprop.notebook;

import java.util.ArrayList;
import java.util.List;

/** An error in a cell, as nbformat's {@code ename}, {@code evalue} and {@code traceback}. */
final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient List<String> traceback;

    CellError(String name, String message, List<String> traceback) {
        super(message, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /**
     * An error caused by an exception: the message, with the root cause added unless the message
     * already shows it; the traceback lists the chain of causes.
     *
     * @param name the error's name, e.g. {@code java.lang.RuntimeException}
     * @param message what went wrong, in the kernel's words
     * @param cause the exception behind it
     */
    static CellError of(String name, String message, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String evalue = message.contains(root.toString()) ? message : message + " (caused by " + root + ")";
        List<String> traceback = new ArrayList<>();
        traceback.add(name + ": " + evalue);
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            traceback.add("Caused by: " + t);
        }
        return new CellError(name, evalue, traceback);
    }

    /** The error's name, e.g. {@code CompilationException} or an exception's class name. */
    String name() {
        return name;
    }

    /** The lines Jupyter shows under the error. */
    List<String> traceback() {
        return traceback;
    }
}
