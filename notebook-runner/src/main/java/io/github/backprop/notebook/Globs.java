package io.github.backprop.notebook;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The glob rules of {@code %jars} and {@code %classpath}, which IJava 1.3.0 (basekernel's
 * {@code GlobFinder}) and JJava ({@code GlobResolver}) share. A pattern is split at {@code /};
 * in a segment, {@code *} matches any characters and {@code ?} one character, within that segment
 * only; every other character stands for itself. The leading segments without a wildcard name a
 * folder, resolved against the notebook's folder unless the pattern starts with {@code /}:
 * <ul>
 *   <li>a pattern without a wildcard gives that path if it exists (IJava's {@code %jars}: if it
 *       is a regular file, or the regular files in it if it is a folder written with a trailing
 *       {@code /}), and nothing, without an error, if it does not;</li>
 *   <li>a pattern with a wildcard lists that folder, so a folder that does not exist (or is a
 *       file) fails with the {@link IOException} both kernels get ({@code NoSuchFileException},
 *       {@code NotDirectoryException}); the later segments match within the folders matched so
 *       far, and a pattern that matches nothing gives nothing.</li>
 * </ul>
 * Unlike the kernels, which keep the order the folder listing has, the matches are sorted.
 */
final class Globs {
    /** What the last segment may match. */
    enum Match {
        /** Files and folders: {@code %classpath}, and JJava's {@code %jars}. */
        PATHS,
        /** Files only, and the files in a folder written with a trailing {@code /}: IJava's {@code %jars}. */
        FILES
    }

    private Globs() {
    }

    /**
     * The paths a pattern matches.
     *
     * @param base the folder a relative pattern starts from (the notebook's)
     * @param pattern the glob as written after the magic
     * @param match what the last segment may match
     * @return absolute, normalised paths, sorted
     * @throws IOException if the folder before the first wildcard cannot be listed
     */
    static List<Path> resolve(Path base, String pattern, Match match) throws IOException {
        boolean trailingSlash = pattern.endsWith("/");
        List<String> segments = new ArrayList<>();
        for (String s : pattern.split("/+")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        int firstWildcard = 0;
        while (firstWildcard < segments.size() && !hasWildcard(segments.get(firstWildcard))) {
            firstWildcard++;
        }
        String prefix = (pattern.startsWith("/") ? "/" : "") + String.join("/", segments.subList(0, firstWildcard));
        Path folder = base.toAbsolutePath().resolve(prefix).normalize();
        if (firstWildcard == segments.size()) {
            return withoutWildcard(folder, match, trailingSlash);
        }
        List<Path> current = List.of(folder);
        boolean first = true;
        for (int i = firstWildcard; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            Pattern name = segmentPattern(segments.get(i));
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                next.addAll(list(dir, name, last ? match : null, first));
            }
            first = false;
            current = next;
        }
        if (match == Match.FILES && trailingSlash) {
            List<Path> files = new ArrayList<>();
            for (Path dir : current) {
                if (Files.isDirectory(dir)) {
                    files.addAll(list(dir, segmentPattern("*"), Match.FILES, false));
                }
            }
            current = files;
        }
        current.sort(null);
        return current;
    }

    private static List<Path> withoutWildcard(Path path, Match match, boolean trailingSlash) throws IOException {
        if (match == Match.PATHS) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        if (Files.isDirectory(path) && trailingSlash) {
            List<Path> files = list(path, segmentPattern("*"), Match.FILES, false);
            files.sort(null);
            return files;
        }
        return Files.isRegularFile(path) ? List.of(path) : List.of();
    }

    /**
     * The entries of {@code dir} whose name matches: folders only if {@code last} is null (more
     * segments follow), else what {@code last} allows. Only the folder before the first wildcard
     * must exist; later ones were found by listing.
     */
    private static List<Path> list(Path dir, Pattern name, Match last, boolean mustExist) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!mustExist && !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                boolean folder = Files.isDirectory(entry);
                boolean wanted = last == null ? folder : last == Match.PATHS || !folder;
                if (wanted && name.matcher(entry.getFileName().toString()).matches()) {
                    out.add(entry.normalize());
                }
            }
        }
        return out;
    }

    private static boolean hasWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    /** A segment as a regular expression: {@code *} any characters, {@code ?} one, the rest literally. */
    private static Pattern segmentPattern(String segment) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
