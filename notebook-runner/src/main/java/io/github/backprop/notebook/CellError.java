package io.github.backprop.notebook;

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

    /** The error's name, e.g. {@code CompilationException} or an exception's class name. */
    String name() {
        return name;
    }

    /** The lines Jupyter shows under the error. */
    List<String> traceback() {
        return traceback;
    }
}
