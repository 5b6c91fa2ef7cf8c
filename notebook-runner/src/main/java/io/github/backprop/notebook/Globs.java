package io.github.backprop.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * IJava's glob rules for {@code %jars} and {@code %classpath}: a pattern is a path whose segments
 * may contain {@code *} and {@code ?} (matching within one segment only), resolved against the
 * notebook's folder unless absolute. {@code %jars} takes matching regular files only. A pattern
 * that matches nothing adds nothing and is not an error, as in IJava.
 */
final class Globs {
    private Globs() {
    }

    /** Regular files matching the pattern, sorted. */
    static List<Path> files(Path base, String pattern) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths(base, pattern)) {
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Files and folders matching the pattern, sorted. */
    static List<Path> paths(Path base, String pattern) {
        Path p = Path.of(pattern);
        Path start = p.isAbsolute() ? p.getRoot() : base.toAbsolutePath();
        List<Path> current = List.of(start);
        for (Path segment : p) {
            String s = segment.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasGlob(s)) {
                    Path child = dir.resolve(s).normalize();
                    if (Files.exists(child)) {
                        next.add(child);
                    }
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + s);
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        if (matcher.matches(entry.getFileName())) {
                            next.add(entry.normalize());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + " for %jars " + pattern, e);
                }
            }
            next.sort(null);
            current = next;
        }
        return current;
    }

    private static boolean hasGlob(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0
                || segment.indexOf('{') >= 0;
    }
}
