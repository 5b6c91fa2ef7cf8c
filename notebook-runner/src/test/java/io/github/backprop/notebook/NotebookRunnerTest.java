package io.github.backprop.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("The notebook runner")
class NotebookRunnerTest {
    private static final NotebookRunner RUNNER = Fixtures.runner().cellTimeout(Duration.ofSeconds(60)).build();

    @TempDir
    Path dir;

    @Nested
    @DisplayName("runs cells the way IJava does")
    class Cells {
        @Test
        @DisplayName("a declaration shows nothing, an expression shows its value as text/plain")
        void declarationsAndExpressions() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("decl", "int x = 41;")
                    .code("expr", "x + 1")
                    .code("var", "x"));
            assertTrue(nb.succeeded(), () -> nb.failure().toString());
            assertEquals(0, nb.cell("decl").outputCount());
            assertEquals("42", nb.cell("expr").resultText().orElseThrow());
            assertEquals("41", nb.cell("var").resultText().orElseThrow());
            assertEquals(List.of(1, 2, 3), List.of(nb.cell("decl").executionCount(), nb.cell("expr").executionCount(),
                    nb.cell("var").executionCount()));
        }

        @Test
        @DisplayName("several statements in one cell run in order and the last expression is the result")
        void severalStatements() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("many", "int a = 2;\nint b = 3;\nvoid hello() { }\na * b"));
            assertEquals("6", nb.cell("many").resultText().orElseThrow());
        }

        @Test
        @DisplayName("printing becomes a stdout stream, in order with displays")
        void printing() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("print", "System.out.println(\"before\");\ndisplay(\"shown\");\nSystem.out.print(\"after\");"));
            assertEquals(List.of("stream", "display_data", "stream"), nb.cell("print").outputTypes());
            assertEquals("before\nafter", nb.cell("print").stdout());
        }

        @Test
        @DisplayName("IJava's default imports and printf are there")
        void defaultImports() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("imports", "List<Integer> l = new ArrayList<>(); l.add(1); BigDecimal.ONE.add(BigDecimal.ONE)")
                    .code("printf", "printf(\"%d-%s%n\", 7, \"x\");"));
            assertEquals("2", nb.cell("imports").resultText().orElseThrow());
            assertEquals("7-x\n", nb.cell("printf").stdout());
        }
    }

    @Nested
    @DisplayName("renders through basekernel's Renderer")
    class Rendering {
        @Test
        @DisplayName("display of an image gives image/png of the image's size")
        void displaysImages() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook().code("img",
                    "var img = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);\ndisplay(img);"));
            String png = nb.cell("img").data("display_data", "image/png").orElseThrow();
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(png)));
            assertEquals(20, image.getWidth());
            assertEquals(10, image.getHeight());
        }

        @Test
        @DisplayName("a DisplayDataRenderable shows its text/html, and as a cell's last expression too")
        void displaysRenderables() throws IOException {
            String renderable = """
                    class Html implements io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable {
                        public java.util.Set<io.github.spencerpark.jupyter.kernel.display.mime.MIMEType> getSupportedRenderTypes() {
                            return java.util.Set.of(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML);
                        }
                        public void render(io.github.spencerpark.jupyter.kernel.display.RenderContext ctx) {
                            ctx.renderIfRequested(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML, () -> "<b>bold</b>");
                        }
                    }
                    """;
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("class", renderable)
                    .code("show", "display(new Html());")
                    .code("last", "new Html()"));
            assertEquals("<b>bold</b>", nb.cell("show").data("display_data", "text/html").orElseThrow());
            assertEquals("<b>bold</b>", nb.cell("last").data("execute_result", "text/html").orElseThrow());
        }

        @Test
        @DisplayName("updateDisplay replaces the earlier output in place")
        void updatesDisplays() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("update", "String id = display(\"first\");\nupdateDisplay(id, \"second\");")
                    .code("kernel-io", "String id2 = display(\"one\");\n"
                            + "getKernelInstance().getIO().display.updateDisplay(id2, getKernelInstance().getRenderer().render(\"two\"));"));
            assertEquals(1, nb.cell("update").outputCount());
            assertEquals("second", nb.cell("update").data("display_data", "text/plain").orElseThrow());
            assertEquals("two", nb.cell("kernel-io").data("display_data", "text/plain").orElseThrow());
        }

        @Test
        @DisplayName("getKernelInstance() is a basekernel BaseKernel whose renderer is the one results are rendered with")
        void kernelRendererIsShared() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("register", """
                            record Point(int x, int y) { }
                            getKernelInstance().getRenderer().createRegistration(Point.class)
                                    .preferring(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)
                                    .register((p, ctx) -> ctx.renderIfRequested(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML,
                                            () -> "<i>" + p.x() + "," + p.y() + "</i>"));
                            """)
                    .code("base", "getKernelInstance() instanceof io.github.spencerpark.jupyter.kernel.BaseKernel")
                    .code("point", "new Point(1, 2)"));
            assertEquals("true", nb.cell("base").resultText().orElseThrow());
            assertEquals("<i>1,2</i>", nb.cell("point").data("execute_result", "text/html").orElseThrow());
        }
    }

    @Nested
    @DisplayName("stops at the first error and says where")
    class Errors {
        @Test
        @DisplayName("a compile error becomes an error output; later cells do not run")
        void compileError() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .markdown("intro", "text")
                    .code("ok", "1")
                    .code("bad", "int y = \"text\";")
                    .code("later", "2"));
            assertFalse(nb.succeeded());
            assertEquals(3, nb.failure().orElseThrow().cellNumber());
            assertTrue(nb.failure().orElseThrow().message().contains("incompatible types"), nb.failure()::toString);
            assertTrue(nb.cell("bad").error().orElseThrow().startsWith("CompilationException"));
            assertNull(nb.cell("later").executionCount());
            assertEquals(0, nb.cell("later").outputCount());
        }

        @Test
        @DisplayName("a runtime exception becomes an error output with its class and message")
        void runtimeException() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("boom", "System.out.println(\"partial\");\nthrow new IllegalStateException(\"boom\");")
                    .code("later", "2"));
            assertEquals(1, nb.failure().orElseThrow().cellNumber());
            assertEquals("java.lang.IllegalStateException: boom", nb.cell("boom").error().orElseThrow());
            assertEquals("partial\n", nb.cell("boom").stdout());
        }

        @Test
        @DisplayName("an unknown magic, such as %maven, is a clear error naming it")
        void unknownMagic() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook().code("maven", "%maven tech.tablesaw:tablesaw-core:0.44.4"));
            assertTrue(nb.failure().orElseThrow().message().contains("unknown line magic %maven"), nb.failure()::toString);
        }

        @Test
        @DisplayName("a cell that runs too long is stopped and reported as a timeout")
        void timeout() throws IOException {
            NotebookRunner quick = Fixtures.runner().cellTimeout(Duration.ofMillis(1500)).build();
            Path file = Fixtures.notebook()
                    .code("spin", "long n = 0;\nwhile (true) { n++; }")
                    .code("later", "2")
                    .writeTo(dir.resolve("spin.ipynb"));
            ExecutedNotebook nb = quick.run(file);
            assertEquals(1, nb.failure().orElseThrow().cellNumber());
            assertTrue(nb.failure().orElseThrow().message().contains("timed out after 1500 ms"), nb.failure()::toString);
            assertNull(nb.cell("later").executionCount());
        }
    }

    @Nested
    @DisplayName("loads jars with %jars as IJava does")
    class Jars {
        @Test
        @DisplayName("a relative glob, resolved against the notebook's folder, makes the jar's classes usable")
        void relativeGlob() throws IOException {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            makeJar(lib.resolve("greeter.jar"));
            Files.createDirectories(lib.resolve("folder.jar"));
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("jars", "%jars lib/*.jar")
                    .code("use", "demo.Greeter.greet(\"you\")"));
            assertTrue(nb.succeeded(), () -> nb.failure().toString());
            assertEquals(0, nb.cell("jars").outputCount());
            assertEquals("hello you", nb.cell("use").resultText().orElseThrow());
        }

        @Test
        @DisplayName("a wrong path loads nothing, so the class is missing exactly as in IJava")
        void wrongPath() throws IOException {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            makeJar(lib.resolve("greeter.jar"));
            ExecutedNotebook nb = run(Fixtures.notebook()
                    .code("jars", "%jars ../lib/*.jar")
                    .code("use", "demo.Greeter.greet(\"you\")"));
            assertEquals(2, nb.failure().orElseThrow().cellNumber());
            assertTrue(nb.failure().orElseThrow().message().contains("package demo does not exist"), nb.failure()::toString);
        }

        @Test
        @DisplayName("the runner's own class path does not leak into the notebook")
        void noLeak() throws IOException {
            ExecutedNotebook nb = run(Fixtures.notebook().code("junit", "Class.forName(\"org.junit.jupiter.api.Test\")"));
            assertEquals("java.lang.ClassNotFoundException: org.junit.jupiter.api.Test", nb.cell("junit").error().orElseThrow());
        }
    }

    @Nested
    @DisplayName("reads and writes nbformat 4 faithfully")
    class Format {
        @Test
        @DisplayName("markdown cells, ids and metadata are kept; code cells get outputs and counts")
        void keepsEverything() throws IOException {
            Path file = Fixtures.notebook()
                    .markdown("intro", "# Title\n\nSome *text*.")
                    .code("expr", "1 + 1")
                    .writeTo(dir.resolve("keep.ipynb"));
            Path out = dir.resolve("out.ipynb");
            RUNNER.runAndWrite(file, out);
            String json = Files.readString(out);
            assertTrue(json.contains("\"custom_key\": \"kept\""), json);
            assertTrue(json.contains("\"tag_for_test\": \"intro\""), json);
            assertTrue(json.contains("\"# Title\\n\""), json);
            assertTrue(json.contains("\"execution_count\": 1"), json);
            assertTrue(json.endsWith("}\n"));
        }

        @Test
        @DisplayName("the written file is valid against the nbformat 4 schema (python3-nbformat)")
        void validAgainstSchema() throws Exception {
            Path python = Path.of("/usr/bin/python3");
            boolean hasNbformat = Files.isExecutable(python)
                    && new ProcessBuilder(python.toString(), "-c", "import nbformat").start().waitFor() == 0;
            assumeTrue(hasNbformat || "true".equals(System.getenv("CI")), "python3-nbformat is not installed");
            Path file = Fixtures.notebook()
                    .markdown("intro", "text")
                    .code("print", "System.out.println(\"x\");")
                    .code("img", "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));")
                    .code("expr", "42")
                    .code("boom", "throw new RuntimeException(\"stop\");")
                    .code("later", "1")
                    .writeTo(dir.resolve("schema.ipynb"));
            Path out = dir.resolve("schema-out.ipynb");
            RUNNER.runAndWrite(file, out);
            // the cell "boom" fails, so the result (with its error output) is written beside the target
            Path failed = NotebookRunner.failedResultPath(out);
            assertTrue(Files.isRegularFile(failed), "no " + failed);
            Process p = new ProcessBuilder(python.toString(), "-c",
                    "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')",
                    failed.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), text);
            assertEquals("valid", text.strip());
        }
    }

    private ExecutedNotebook run(Fixtures fixture) throws IOException {
        return RUNNER.run(fixture.writeTo(dir.resolve("test.ipynb")));
    }

    private static void makeJar(Path jar) throws IOException {
        Path src = Files.createTempDirectory("greeter");
        Path java = Files.createDirectories(src.resolve("demo")).resolve("Greeter.java");
        Files.writeString(java, "package demo; public class Greeter { public static String greet(String n) { return \"hello \" + n; } }");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", src.toString(), java.toString()));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo/Greeter.class"));
            out.write(Files.readAllBytes(src.resolve("demo/Greeter.class")));
            out.closeEntry();
        }
    }
}
