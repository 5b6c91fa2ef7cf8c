package io.github.backprop.io;

/** A model file that cannot be read: malformed JSON, a missing field, or an inconsistent network. */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelFileException(String message) {
        super(message);
    }

    ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
