package io.github.backprop.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The runner's guarantees when a cell misbehaves: nothing hangs, nothing is lost, the right cell is named. */
@DisplayName("The notebook runner, when a cell misbehaves,")
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a hang fails the test instead of the build
class NotebookRunnerFaultsTest {
    private static final boolean UNIX = !System.getProperty("os.name").startsWith("Windows");

    @TempDir
    Path dir;

    @Nested
    @DisplayName("fails the run at the cell that ended the notebook's JVM")
    class EndedJvm {
        static Stream<Arguments> endings() {
            return Stream.of(
                    Arguments.of("System.exit(0)", "System.exit(0);", List.of(), "exit code 0"),
                    Arguments.of("Runtime.halt(3)", "Runtime.getRuntime().halt(3);", List.of(), "exit code 3"),
                    Arguments.of("an exit from another thread",
                            "Thread t = new Thread(() -> System.exit(0));\nt.start();\nt.join();", List.of(), "exit code 0"),
                    Arguments.of("an OutOfMemoryError that ends the JVM",
                            "long[][] hog = new long[1000][];\nfor (int i = 0; i < hog.length; i++) { hog[i] = new long[1 << 20]; }",
                            List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), "OutOfMemoryError"),
                    Arguments.of("a crash of the JVM",
                            "java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");\n"
                                    + "f.setAccessible(true);\n((sun.misc.Unsafe) f.get(null)).putAddress(0, 0);",
                            List.of("-XX:-CreateCoredumpOnCrash"), "notebook-runner-hs_err_pid"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("endings")
        @DisplayName("keeping the outputs of the cells before it and clearing the stale outputs after it")
        void namesTheCell(String what, String code, List<String> jvmOptions, String expected) throws IOException {
            ExecutedNotebook nb = Fixtures.runner().jvmOptions(jvmOptions).build().run(Fixtures.notebook()
                    .markdown("intro", "text")
                    .codeWithStaleOutput("before", "1 + 1", "old output")
                    .code("ends", code)
                    .codeWithStaleOutput("after", "3", "old output")
                    .writeTo(dir.resolve("ends.ipynb")));
            ExecutedNotebook.CellFailure failure = nb.failure().orElseThrow();
            deleteCrashReport(failure.message());
            assertEquals(3, failure.cellNumber(), failure::toString);
            assertTrue(failure.message().startsWith("DeadKernelError: the notebook's JVM ended"), failure::toString);
            assertTrue(failure.message().contains(expected), failure::toString);
            assertEquals("2", nb.cell("before").resultText().orElseThrow());
            assertEquals(Integer.valueOf(1), nb.cell("before").executionCount());
            assertTrue(nb.cell("ends").error().orElseThrow().startsWith("DeadKernelError"));
            assertEquals(0, nb.cell("after").outputCount());
            assertNull(nb.cell("after").executionCount());
        }

        /** A crash report the message names is the test's own: it goes. */
        private static void deleteCrashReport(String message) throws IOException {
            java.util.regex.Matcher report = java.util.regex.Pattern.compile("\\S*notebook-runner-hs_err_pid\\d+\\.log").matcher(message);
            if (report.find()) {
                Files.deleteIfExists(Path.of(report.group()));
            }
        }

        @Test
        @DisplayName("and keeps what that cell printed before System.exit")
        void keepsWhatTheCellPrinted() throws IOException {
            ExecutedNotebook nb = Fixtures.runner().build().run(Fixtures.notebook()
                    .code("ends", "System.out.println(\"partial\");\nSystem.exit(0);")
                    .writeTo(dir.resolve("partial.ipynb")));
            assertEquals(1, nb.failure().orElseThrow().cellNumber());
            assertEquals("partial\n", nb.cell("ends").stdout());
        }

        @Test
        @DisplayName("when the system kills it (SIGKILL, as the out-of-memory killer does)")
        void killedBySignal() throws IOException {
            assumeTrue(UNIX, "signals are Unix's");
            ExecutedNotebook nb = Fixtures.runner().build().run(Fixtures.notebook()
                    .code("before", "1 + 1")
                    .code("kill", "new ProcessBuilder(\"kill\", \"-9\", String.valueOf(ProcessHandle.current().pid())).start().waitFor();\n"
                            + "Thread.sleep(600_000);")
                    .writeTo(dir.resolve("kill.ipynb")));
            ExecutedNotebook.CellFailure failure = nb.failure().orElseThrow();
            assertEquals(2, failure.cellNumber(), failure::toString);
            assertTrue(failure.message().contains("SIGKILL"), failure::toString);
            assertEquals("2", nb.cell("before").resultText().orElseThrow());
        }
    }

    @Nested
    @DisplayName("never hangs")
    class NeverHangs {
        @Test
        @DisplayName("standard input is at end of file, and a cell that needed input fails saying so")
        void standardInputIsClosed() throws IOException {
            ExecutedNotebook nb = Fixtures.runner().cellTimeout(Duration.ofSeconds(30)).build().run(Fixtures.notebook()
                    .code("read", "System.in.read()")
                    .code("scanner", "new Scanner(System.in).nextLine()")
                    .code("after", "3")
                    .writeTo(dir.resolve("stdin.ipynb")));
            assertEquals("-1", nb.cell("read").resultText().orElseThrow());
            ExecutedNotebook.CellFailure failure = nb.failure().orElseThrow();
            assertEquals(2, failure.cellNumber(), failure::toString);
            assertTrue(failure.message().contains("No line found (standard input is closed in the notebook runner"),
                    failure::toString);
            assertNull(nb.cell("after").executionCount());
        }

        static Stream<Arguments> stuckCells() {
            return Stream.of(
                    Arguments.of("blocked in accept()", "new java.net.ServerSocket(0).accept();"),
                    Arguments.of("a loop that catches Throwable",
                            "while (true) {\n    try { Thread.sleep(100_000); } catch (Throwable t) { }\n}"),
                    Arguments.of("a busy loop that catches Throwable",
                            "long n = 0;\nwhile (true) {\n    try { n++; } catch (Throwable t) { }\n}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("stuckCells")
        @DisplayName("the runner ends the notebook's JVM at the cell's deadline and names the cell")
        void timesOut(String what, String code) throws IOException {
            assertTimesOut(code);
        }

        @Test
        @DisplayName("the runner ends the notebook's JVM at the deadline of a cell stuck in a native call")
        void timesOutInNativeCall() throws Exception {
            assumeTrue(UNIX && new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor() == 0,
                    "needs mkfifo");
            // opening a FIFO that nobody writes blocks in the operating system, deaf to interrupts
            assertTimesOut("new java.io.FileInputStream(\"fifo\").read();");
        }

        private void assertTimesOut(String code) throws IOException {
            ExecutedNotebook nb = Fixtures.runner().cellTimeout(Duration.ofSeconds(2)).build().run(Fixtures.notebook()
                    .code("stuck", code)
                    .codeWithStaleOutput("after", "3", "old output")
                    .writeTo(dir.resolve("stuck.ipynb")));
            ExecutedNotebook.CellFailure failure = nb.failure().orElseThrow();
            assertEquals(1, failure.cellNumber(), failure::toString);
            assertTrue(failure.message().startsWith("TimeoutException: cell timed out after 2 s"), failure::toString);
            assertEquals("TimeoutException", nb.cell("stuck").error().orElseThrow().split(":")[0]);
            assertNull(nb.cell("after").executionCount());
            assertEquals(0, nb.cell("after").outputCount());
        }
    }

    @Nested
    @DisplayName("never loses a saved notebook")
    class SavedNotebooks {
        @Test
        @DisplayName("a failed run leaves the notebook byte for byte as it was and puts its result beside it")
        void failedRunKeepsTheNotebook() throws IOException {
            Path file = Fixtures.notebook()
                    .codeWithStaleOutput("ok", "1 + 1", "saved output")
                    .codeWithStaleOutput("bad", "throw new IllegalStateException(\"boom\");", "saved output")
                    .writeTo(dir.resolve("work.ipynb"));
            byte[] saved = Files.readAllBytes(file);
            ExecutedNotebook nb = Fixtures.runner().build().runAndWrite(file, file);
            assertFalse(nb.succeeded());
            assertEquals(new String(saved), Files.readString(file));
            Path failed = dir.resolve("work.failed.ipynb");
            assertEquals(NotebookRunner.failedResultPath(file), failed);
            assertTrue(Files.readString(failed).contains("java.lang.IllegalStateException"));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("work.failed.ipynb", "work.ipynb"),
                        files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
            }
            assertEquals(List.of(file), NotebookRunner.notebooksIn(dir), "a folder run skips failed results");
        }

        @Test
        @DisplayName("a successful run replaces the notebook and removes the failed result of an earlier run")
        void successfulRunReplaces() throws IOException {
            Path file = Fixtures.notebook().codeWithStaleOutput("ok", "1 + 1", "saved output").writeTo(dir.resolve("work.ipynb"));
            Files.writeString(dir.resolve("work.failed.ipynb"), "{}");
            ExecutedNotebook nb = Fixtures.runner().build().runAndWrite(file, file);
            assertTrue(nb.succeeded(), () -> nb.failure().toString());
            assertTrue(Files.readString(file).contains("\"execute_result\""));
            assertFalse(Files.exists(dir.resolve("work.failed.ipynb")));
        }

        @Test
        @DisplayName("writing through a symbolic link replaces the file it points to and keeps the link")
        void followsLinks() throws IOException {
            Path real = Fixtures.notebook().code("ok", "1").writeTo(Files.createDirectories(dir.resolve("real")).resolve("nb.ipynb"));
            Path link;
            try {
                link = Files.createSymbolicLink(dir.resolve("link.ipynb"), real);
            } catch (UnsupportedOperationException | IOException e) {
                assumeTrue(false, "no symbolic links here: " + e);
                return;
            }
            NotebookFile.write(Fixtures.notebook().code("new", "2").toJson(), link);
            assertTrue(Files.isSymbolicLink(link));
            assertTrue(Files.readString(real).contains("\"new\""));
        }

        @Test
        @DisplayName("writing keeps the notebook's file permissions")
        void keepsPermissions() throws IOException {
            Path file = Fixtures.notebook().code("ok", "1").writeTo(dir.resolve("shared.ipynb"));
            assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "needs POSIX permissions");
            var readableByAll = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(file, readableByAll);
            NotebookFile.write(NotebookFile.read(file), file);
            assertEquals(readableByAll, Files.getPosixFilePermissions(file));
        }
    }

    @Nested
    @DisplayName("leaves nothing behind when it is stopped")
    class Stopped {
        @Test
        @DisplayName("SIGTERM (or Ctrl-C) ends the notebook's JVM, removes the temporary files and keeps the notebook")
        void terminated() throws Exception {
            assumeTrue(UNIX, "signals are Unix's");
            Runner runner = startRunner();
            runner.process.destroy(); // SIGTERM
            assertTrue(runner.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the runner did not stop");
            assertEquals(143, runner.process.exitValue());
            for (ProcessHandle child : runner.children) {
                assertFalse(child.isAlive(), "the notebook's JVM " + child.pid() + " is still running");
            }
            runner.assertNothingLeft();
        }

        @Test
        @DisplayName("SIGKILL, which the runner cannot catch, still ends the notebook's JVM, which removes the temporary files")
        void killed() throws Exception {
            assumeTrue(UNIX, "signals are Unix's");
            Runner runner = startRunner();
            runner.process.destroyForcibly(); // SIGKILL
            for (ProcessHandle child : runner.children) {
                // the notebook's JVM notices within seconds; a minute only catches a hang
                child.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            runner.assertNothingLeft();
        }

        /** A runner started as a process, with a notebook whose cell runs until the runner is stopped. */
        private Runner startRunner() throws Exception {
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Path notebook = Fixtures.notebook()
                    .codeWithStaleOutput("wait", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"started\"), \"yes\");\n"
                            + "Thread.sleep(600_000);", "saved output")
                    .writeTo(dir.resolve("wait.ipynb"));
            String saved = Files.readString(notebook);
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-cp", KernelProcess.childClassPath(), NotebookRunnerMain.class.getName(),
                    "--jvm-option", Fixtures.FAST_START.get(0), notebook.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("runner.log").toFile())
                    .start();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.exists(dir.resolve("started"))) {
                assertTrue(process.isAlive(), () -> "the runner stopped: " + read(dir.resolve("runner.log")));
                assertTrue(System.nanoTime() < deadline, "the cell did not start within a minute");
                Thread.sleep(50);
            }
            List<ProcessHandle> children = process.descendants().toList();
            assertFalse(children.isEmpty(), "no notebook JVM");
            return new Runner(process, children, tmp, notebook, saved);
        }

        private record Runner(Process process, List<ProcessHandle> children, Path tmp, Path notebook, String saved) {
            void assertNothingLeft() throws IOException {
                try (Stream<Path> left = Files.list(tmp)) {
                    assertEquals(List.of(), left.toList(), "temporary files left behind");
                }
                assertEquals(saved, Files.readString(notebook), "the notebook changed");
                assertFalse(Files.exists(NotebookRunner.failedResultPath(notebook)));
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
