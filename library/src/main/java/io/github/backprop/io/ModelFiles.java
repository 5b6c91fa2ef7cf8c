package io.github.backprop.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** The files of {@link ModelJson}: text read strictly as UTF-8, and replaced atomically, keeping permissions. */
final class ModelFiles {
    /** How many temporary names are tried beside the file before giving up. */
    private static final int TEMPORARY_NAMES = 1000;

    private ModelFiles() {
    }

    /**
     * The file's text.
     *
     * @throws ModelFileException naming the file and the first byte that is not UTF-8
     */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ModelFileException(file + ": not a model file: byte " + in.position() + " (of " + bytes.length
                    + ") is not UTF-8 text, and a model file is the JSON text ModelJson.save writes");
        }
        return out.flip().toString();
    }

    /**
     * Replaces the file (or the file a symbolic link points to) by one holding {@code text}: written
     * beside it under a temporary name, given the permissions of the file it replaces, then moved into
     * place in one step where the file system can.
     */
    static void replace(Path file, String text) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path tmp = createBeside(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file in the target's directory, with the permissions a new file of the user gets. */
    private static Path createBeside(Path target) throws IOException {
        String name = target.getFileName().toString();
        for (int n = 0; n < TEMPORARY_NAMES; n++) {
            try {
                return Files.createFile(target.resolveSibling(name + "." + n + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                // another save is using this name, or one that failed left it: try the next
            }
        }
        throw new IOException("could not create a temporary file beside " + target + ": " + name + ".0.tmp to "
                + name + "." + (TEMPORARY_NAMES - 1) + ".tmp all exist");
    }

    /** Gives {@code to} the POSIX permissions of {@code from}, if {@code from} exists and the file system has them. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)
                || Files.getFileAttributeView(from, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
        Files.setPosixFilePermissions(to, permissions);
    }
}
