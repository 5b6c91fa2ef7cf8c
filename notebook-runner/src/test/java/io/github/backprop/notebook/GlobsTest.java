package io.github.backprop.notebook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The glob rules IJava 1.3.0 and JJava share for %jars and %classpath, without starting a JVM. */
@DisplayName("A %classpath or %jars glob")
class GlobsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("ab.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        Files.createFile(lib.resolve("x[1].jar"));
        Files.createDirectories(lib.resolve("folder.jar"));
        Files.createDirectories(dir.resolve("mods/one/jars"));
        Files.createFile(dir.resolve("mods/one/jars/m.jar"));
        Files.createDirectories(dir.resolve("mods/two"));
    }

    @Nested
    @DisplayName("with a wildcard")
    class WithWildcard {
        @Test
        @DisplayName("matches names within one folder, sorted: * any characters, ? one, everything else literally")
        void matchesNames() throws IOException {
            assertEquals(names("a.jar", "ab.jar", "b.jar", "x[1].jar"), Globs.resolve(dir, "lib/*.jar", Globs.Match.FILES));
            assertEquals(names("a.jar", "b.jar"), Globs.resolve(dir, "lib/?.jar", Globs.Match.FILES));
            assertEquals(names("x[1].jar"), Globs.resolve(dir, "lib/x[1]*", Globs.Match.FILES));
        }

        @Test
        @DisplayName("takes folders too for %classpath (and JJava's %jars), files only for IJava's %jars")
        void foldersOrNot() throws IOException {
            assertEquals(names("a.jar", "ab.jar", "b.jar", "folder.jar", "x[1].jar"), Globs.resolve(dir, "lib/*.jar", Globs.Match.PATHS));
            assertEquals(names("a.jar", "ab.jar", "b.jar", "x[1].jar"), Globs.resolve(dir, "lib/*.jar", Globs.Match.FILES));
        }

        @Test
        @DisplayName("goes on through the folders matched so far, which need not all have the rest")
        void severalSegments() throws IOException {
            assertEquals(List.of(dir.resolve("mods/one/jars/m.jar")), Globs.resolve(dir, "mods/*/jars/*.jar", Globs.Match.PATHS));
        }

        @Test
        @DisplayName("gives nothing when nothing in the folder matches")
        void nothingMatches() throws IOException {
            assertEquals(List.of(), Globs.resolve(dir, "lib/*.zip", Globs.Match.PATHS));
        }

        @Test
        @DisplayName("fails, as in both kernels, when the folder before the wildcard is missing or is a file")
        void missingFolderFails() {
            NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                    () -> Globs.resolve(dir, "../nowhere/*.jar", Globs.Match.PATHS));
            assertEquals(dir.getParent().resolve("nowhere").toString(), missing.getMessage());
            assertThrows(NoSuchFileException.class, () -> Globs.resolve(dir, "nowhere/*.jar", Globs.Match.FILES));
            assertThrows(NotDirectoryException.class, () -> Globs.resolve(dir, "lib/a.jar/*", Globs.Match.PATHS));
        }

        @Test
        @DisplayName("starts at the root when it starts with /")
        void absolute() throws IOException {
            assertEquals(names("a.jar", "b.jar"), Globs.resolve(Path.of("/"), dir.resolve("lib") + "/?.jar", Globs.Match.FILES));
        }
    }

    @Nested
    @DisplayName("without a wildcard")
    class WithoutWildcard {
        @Test
        @DisplayName("gives the path if it exists, and nothing, without an error, if it does not")
        void existsOrNothing() throws IOException {
            assertEquals(List.of(dir.resolve("lib/a.jar")), Globs.resolve(dir, "lib/a.jar", Globs.Match.PATHS));
            assertEquals(List.of(dir.resolve("lib")), Globs.resolve(dir, "lib", Globs.Match.PATHS));
            assertEquals(List.of(), Globs.resolve(dir, "nowhere/a.jar", Globs.Match.PATHS));
            assertEquals(List.of(), Globs.resolve(dir, "nowhere/a.jar", Globs.Match.FILES));
        }

        @Test
        @DisplayName("for IJava's %jars: a file, or the files in a folder written with a trailing /")
        void ijavaJars() throws IOException {
            assertEquals(List.of(), Globs.resolve(dir, "lib", Globs.Match.FILES));
            assertEquals(names("a.jar", "ab.jar", "b.jar", "notes.txt", "x[1].jar"), Globs.resolve(dir, "lib/", Globs.Match.FILES));
        }
    }

    private List<Path> names(String... names) {
        return java.util.Arrays.stream(names).map(n -> dir.resolve("lib").resolve(n)).toList();
    }
}
