package io.github.backprop.notebooks.binder;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("The Binder and local kernel install")
class InstallKernelTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = REPO.resolve("binder/install-kernel.sh");

    @TempDir
    Path dir;

    record Result(int code, String output) {
    }

    @Nested
    @DisplayName("from a zip of the IJava 1.3.0 release layout")
    class GoodZip {
        @Test
        @DisplayName("installs kernel 'java' with a headless, heap-capped JVM and the notebooks' jar folder on its class path")
        void installs() throws Exception {
            Path zip = releaseZip(List.of("install.py", "java/kernel.json", "java/ijava-1.3.0.jar"));
            Path data = dir.resolve("jupyter");
            Result r = install(Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", data.toString()));
            assertEquals(0, r.code(), r.output());
            Path kernel = data.resolve("kernels/java");
            JsonObject spec = new JsonParser().parse(Files.readString(kernel.resolve("kernel.json"))).getAsJsonObject();
            List<String> argv = new ArrayList<>();
            JsonArray a = spec.getAsJsonArray("argv");
            a.forEach(e -> argv.add(e.getAsString()));
            assertTrue(argv.contains("-Djava.awt.headless=true"), argv::toString);
            assertTrue(argv.contains("-Xmx1g"), argv::toString);
            assertEquals(kernel.resolve("ijava-1.3.0.jar").toString(), argv.get(argv.indexOf("-jar") + 1));
            assertEquals("{connection_file}", argv.get(argv.size() - 1));
            assertEquals("java", spec.get("language").getAsString());
            assertEquals(REPO.resolve("notebooks/lib") + "/*.jar",
                    spec.getAsJsonObject("env").get("IJAVA_CLASSPATH").getAsString());
            assertArrayEquals("jar bytes".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(kernel.resolve("ijava-1.3.0.jar")));
        }

        @Test
        @DisplayName("a second run changes nothing")
        void idempotent() throws Exception {
            Path zip = releaseZip(List.of("install.py", "java/kernel.json", "java/ijava-1.3.0.jar"));
            Path data = dir.resolve("jupyter");
            Map<String, String> env = Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", data.toString());
            assertEquals(0, install(env).code());
            Path spec = data.resolve("kernels/java/kernel.json");
            byte[] before = Files.readAllBytes(spec);
            FileTime time = Files.getLastModifiedTime(spec);
            Thread.sleep(1100);
            Result again = install(env);
            assertEquals(0, again.code(), again.output());
            assertTrue(again.output().contains("nothing changed"), again.output());
            assertArrayEquals(before, Files.readAllBytes(spec));
            assertEquals(time, Files.getLastModifiedTime(spec));
        }

        @Test
        @DisplayName("a different heap setting is applied on the next run")
        void reinstalls() throws Exception {
            Path zip = releaseZip(List.of("install.py", "java/kernel.json", "java/ijava-1.3.0.jar"));
            Path data = dir.resolve("jupyter");
            assertEquals(0, install(Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", data.toString())).code());
            String first = Files.readString(data.resolve("kernels/java/kernel.json"));
            assertEquals(0, install(Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", data.toString(), "KERNEL_HEAP", "768m")).code());
            String second = Files.readString(data.resolve("kernels/java/kernel.json"));
            assertNotEquals(first, second);
            assertTrue(second.contains("-Xmx768m"));
        }
    }

    @Nested
    @DisplayName("refuses with a clear message and installs nothing")
    class Refuses {
        @Test
        @DisplayName("a zip with the wrong layout, naming what is missing")
        void wrongLayout() throws Exception {
            Path zip = releaseZip(List.of("install.py", "ijava-1.3.0.jar"));
            Path data = dir.resolve("jupyter");
            Result r = install(Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", data.toString()));
            assertNotEquals(0, r.code());
            assertTrue(r.output().contains("missing java/kernel.json, java/ijava-1.3.0.jar"), r.output());
            assertFalse(Files.exists(data.resolve("kernels/java")));
        }

        @Test
        @DisplayName("a file that is not a zip")
        void notAZip() throws Exception {
            Path fake = Files.writeString(dir.resolve("ijava.zip"), "not a zip");
            Result r = install(Map.of("IJAVA_ZIP", fake.toString(), "JUPYTER_DATA_DIR", dir.resolve("j").toString()));
            assertNotEquals(0, r.code());
            assertTrue(r.output().contains("is not a zip file"), r.output());
        }

        @Test
        @DisplayName("an IJAVA_ZIP that does not exist")
        void missingZip() throws Exception {
            Result r = install(Map.of("IJAVA_ZIP", dir.resolve("absent.zip").toString(), "JUPYTER_DATA_DIR", dir.resolve("j").toString()));
            assertNotEquals(0, r.code());
            assertTrue(r.output().contains("absent.zip is not a file"), r.output());
        }

        @Test
        @DisplayName("a failed download, suggesting IJAVA_ZIP")
        void failedDownload() throws Exception {
            Result r = install(Map.of("IJAVA_URL", "http://127.0.0.1:9/ijava-1.3.0.zip", "JUPYTER_DATA_DIR", dir.resolve("j").toString()));
            assertNotEquals(0, r.code());
            assertTrue(r.output().contains("could not download http://127.0.0.1:9/ijava-1.3.0.zip"), r.output());
            assertTrue(r.output().contains("IJAVA_ZIP="), r.output());
            assertFalse(Files.exists(dir.resolve("j/kernels/java")));
        }
    }

    @Test
    @DisplayName("postBuild and the install script pass shellcheck")
    void shellcheck() throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0;
        assumeTrue(present || "true".equals(System.getenv("CI")), "shellcheck is not installed");
        Process p = new ProcessBuilder("shellcheck", REPO.resolve("binder/postBuild").toString(), SCRIPT.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private Path releaseZip(List<String> entries) throws IOException {
        Path zip = dir.resolve("ijava-1.3.0.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write((e.endsWith(".jar") ? "jar bytes" : "{}").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private Result install(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().remove("NB_PYTHON_PREFIX");
        pb.environment().remove("IJAVA_ZIP");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
