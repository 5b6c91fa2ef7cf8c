package io.github.backprop.notebooks.binder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.github.backprop.notebooks.binder.InstallScript.RELEASE_LAYOUT;
import static io.github.backprop.notebooks.binder.InstallScript.REPO;
import static io.github.backprop.notebooks.binder.InstallScript.SCRIPT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("binder/install-kernel.sh")
class InstallKernelTest {
    @TempDir
    Path dir;

    Path zip;
    Path data;
    Path jars;

    @BeforeEach
    void standIns() throws IOException {
        zip = InstallScript.zip(dir.resolve("ijava-1.3.0.zip"), RELEASE_LAYOUT);
        data = dir.resolve("jupyter");
        jars = InstallScript.jarFolder(dir.resolve("notebooks/lib"));
    }

    @Nested
    @DisplayName("given a zip of the IJava 1.3.0 release layout")
    class ReleaseZip {
        @Test
        @DisplayName("installs kernel 'java': IJava's jar started headless with a 1 GB heap cap by this JDK")
        void kernelSpec() throws Exception {
            InstallScript.Result r = InstallScript.run(InstallScript.offline(zip, data, jars));
            assertEquals(0, r.exitCode(), r.output());

            Path kernel = data.resolve("kernels/java");
            JsonObject spec = kernelJson(kernel);
            assertEquals(List.of(
                    Path.of(System.getProperty("java.home"), "bin/java").toString(),
                    "-Djava.awt.headless=true",
                    "-Xmx1g",
                    "-jar", kernel.resolve("ijava-1.3.0.jar").toString(),
                    "{connection_file}"), argv(spec));
            assertEquals("Java", spec.get("display_name").getAsString());
            assertEquals("java", spec.get("language").getAsString());
            assertEquals("message", spec.get("interrupt_mode").getAsString());
            assertArrayEquals("jar bytes".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(kernel.resolve("ijava-1.3.0.jar")));
            assertTrue(Files.exists(kernel.resolve("dependency-licenses/dependencies.html")), "IJava's licence files come along");
        }

        @Test
        @DisplayName("puts the jar folder on the kernel's class path, named as %classpath lib/*.jar names it from notebooks/")
        void classPath() throws Exception {
            assertEquals(0, InstallScript.run(InstallScript.offline(zip, data, jars)).exitCode());
            assertEquals(Map.of("IJAVA_CLASSPATH", dir.toRealPath().resolve("notebooks") + "/./lib/*.jar"),
                    env(kernelJson(data.resolve("kernels/java"))));
        }

        @Test
        @DisplayName("by default, the class path is this checkout's notebooks/lib (which the module's build has filled)")
        void defaultClassPath() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.remove("NOTEBOOK_JARS");
            InstallScript.Result r = InstallScript.run(settings);
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(Map.of("IJAVA_CLASSPATH", REPO.toRealPath().resolve("notebooks") + "/./lib/*.jar"),
                    env(kernelJson(data.resolve("kernels/java"))));
        }

        @Test
        @DisplayName("with NOTEBOOK_JARS set empty, leaves the class path alone (the notebooks' %classpath cell still loads lib/)")
        void noClassPath() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.put("NOTEBOOK_JARS", "");
            assertEquals(0, InstallScript.run(settings).exitCode());
            assertEquals(Map.of(), env(kernelJson(data.resolve("kernels/java"))));
        }

        @Test
        @DisplayName("a second run changes nothing: same bytes, same modification times")
        void idempotent() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            assertEquals(0, InstallScript.run(settings).exitCode());
            Path kernel = data.resolve("kernels/java");
            FileTime past = FileTime.fromMillis(1_000_000_000_000L);
            for (Path p : files(kernel)) {
                Files.setLastModifiedTime(p, past);
            }
            Map<Path, String> before = snapshot(kernel);

            InstallScript.Result again = InstallScript.run(settings);
            assertEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().contains("nothing changed"), again.output());
            assertEquals(before, snapshot(kernel));
            for (Path p : files(kernel)) {
                assertEquals(past, Files.getLastModifiedTime(p), p::toString);
            }
        }

        @Test
        @DisplayName("a changed setting replaces the installed spec on the next run, and says so")
        void reinstalls() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            assertEquals(0, InstallScript.run(settings).exitCode());
            settings.put("KERNEL_HEAP", "768m");
            InstallScript.Result r = InstallScript.run(settings);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Replacing the kernel spec in " + data.resolve("kernels/java")), r.output());
            assertTrue(argv(kernelJson(data.resolve("kernels/java"))).contains("-Xmx768m"));
        }

        @Test
        @DisplayName("on Binder, installs into the notebook server's environment ($NB_PYTHON_PREFIX/share/jupyter)")
        void binder() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.remove("JUPYTER_DATA_DIR");
            settings.put("NB_PYTHON_PREFIX", dir.resolve("srv/conda/envs/notebook").toString());
            assertEquals(0, InstallScript.run(settings).exitCode());
            assertTrue(Files.exists(dir.resolve("srv/conda/envs/notebook/share/jupyter/kernels/java/kernel.json")));
        }

        @Test
        @DisplayName("--heap, --vector-api and --jvm-option go into the kernel's JVM options, before -jar")
        void jvmOptionsFromFlags() throws Exception {
            InstallScript.Result r = InstallScript.run(InstallScript.offline(zip, data, jars),
                    "--heap", "2g", "--vector-api", "--jvm-option", "-XX:+UseParallelGC", "--jvm-option=-Xmn64m");
            assertEquals(0, r.exitCode(), r.output());
            Path kernel = data.resolve("kernels/java");
            assertEquals(List.of(
                    Path.of(System.getProperty("java.home"), "bin/java").toString(),
                    "-Djava.awt.headless=true", "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmn64m",
                    "-jar", kernel.resolve("ijava-1.3.0.jar").toString(), "{connection_file}"), argv(kernelJson(kernel)));
        }

        @Test
        @DisplayName("the same settings come from KERNEL_HEAP, KERNEL_VECTOR_API and KERNEL_JVM_OPTIONS")
        void jvmOptionsFromEnvironment() throws Exception {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.putAll(Map.of("KERNEL_HEAP", "2g", "KERNEL_VECTOR_API", "1", "KERNEL_JVM_OPTIONS", "-XX:+UseParallelGC -Xmn64m"));
            assertEquals(0, InstallScript.run(settings).exitCode());
            List<String> argv = argv(kernelJson(data.resolve("kernels/java")));
            assertEquals(List.of("-Djava.awt.headless=true", "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmn64m"),
                    argv.subList(1, argv.indexOf("-jar")));
        }

        @Test
        @DisplayName("--help prints the options and settings it reads, and the JJava route")
        void help() {
            InstallScript.Result r = InstallScript.run(Map.of(), "--help");
            assertEquals(0, r.exitCode(), r.output());
            for (String setting : List.of("IJAVA_ZIP", "IJAVA_URL", "JUPYTER_DATA_DIR", "KERNEL_HEAP", "NOTEBOOK_JARS", "--heap", "--vector-api",
                    "KERNEL_VECTOR_API", "--jvm-option", "KERNEL_JVM_OPTIONS", "--jjava", "pip install jjava", "JJAVA_JVM_OPTS", "JJAVA_CLASSPATH",
                    "JJAVA_KERNEL_DIR")) {
                assertTrue(r.output().contains(setting), setting + " in " + r.output());
            }
        }
    }

    @Nested
    @DisplayName("with --jjava, given JJava's kernel folder as pip install jjava leaves it")
    class JJava {
        Path jjava;
        Map<String, String> settings;

        @BeforeEach
        void installedByPip() throws IOException {
            jjava = InstallScript.jjavaKernel(dir.resolve("prefix/share/jupyter/kernels/java"));
            settings = new HashMap<>(Map.of("JJAVA_KERNEL_DIR", jjava.toString(), "NOTEBOOK_JARS", jars.toString()));
        }

        @Test
        @DisplayName("writes the JVM options into JJAVA_JVM_OPTS and the jar folder into JJAVA_CLASSPATH, and leaves JJava's argv alone")
        void configures() throws Exception {
            InstallScript.Result r = InstallScript.run(settings, "--jjava", "--heap", "2g", "--vector-api");
            assertEquals(0, r.exitCode(), r.output());
            JsonObject spec = kernelJson(jjava);
            assertEquals(Map.of("JJAVA_JVM_OPTS", "-Djava.awt.headless=true -Xmx2g --add-modules jdk.incubator.vector",
                    "JJAVA_CLASSPATH", dir.toRealPath().resolve("notebooks") + "/./lib/*.jar"), env(spec));
            JsonObject asInstalled = new JsonParser().parse(InstallScript.JJAVA_KERNEL_JSON).getAsJsonObject();
            assertEquals(asInstalled.get("argv"), spec.get("argv"));
            assertEquals(asInstalled.get("display_name"), spec.get("display_name"));
            assertFalse(Files.exists(data.resolve("kernels")), "IJava is not installed");
        }

        @Test
        @DisplayName("a second run changes nothing, and says so")
        void idempotent() throws Exception {
            assertEquals(0, InstallScript.run(settings, "--jjava").exitCode());
            String before = Files.readString(jjava.resolve("kernel.json"));
            InstallScript.Result again = InstallScript.run(settings, "--jjava");
            assertEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().contains("nothing changed"), again.output());
            assertEquals(before, Files.readString(jjava.resolve("kernel.json")));
        }

        @Test
        @DisplayName("with NOTEBOOK_JARS set empty, sets only the JVM options")
        void noClassPath() throws Exception {
            settings.put("NOTEBOOK_JARS", "");
            assertEquals(0, InstallScript.run(settings, "--jjava").exitCode());
            assertEquals(Map.of("JJAVA_JVM_OPTS", "-Djava.awt.headless=true -Xmx1g"), env(kernelJson(jjava)));
        }

        @Test
        @DisplayName("refuses a kernel folder that is not JJava's, and changes nothing there")
        void notJJava() throws Exception {
            assertEquals(0, InstallScript.run(InstallScript.offline(zip, data, jars)).exitCode());
            Path ijava = data.resolve("kernels/java");
            String before = Files.readString(ijava.resolve("kernel.json"));
            settings.put("JJAVA_KERNEL_DIR", ijava.toString());
            InstallScript.Result r = InstallScript.run(settings, "--jjava");
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("install-kernel: " + ijava.resolve("kernel.json") + " is not JJava's kernel spec"), r.output());
            assertEquals(before, Files.readString(ijava.resolve("kernel.json")));
        }

        @Test
        @DisplayName("without JJAVA_KERNEL_DIR or a JJava that Jupyter lists, says to install JJava with pip")
        void notInstalled() {
            settings.remove("JJAVA_KERNEL_DIR");
            InstallScript.Result r = InstallScript.run(settings, "--jjava");
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("python3 -m pip install jjava"), r.output());
        }
    }

    @Nested
    @DisplayName("stops with a message naming the problem, and installs nothing, given")
    class Refuses {
        @Test
        @DisplayName("a zip with the wrong layout: the message names the missing entries")
        void wrongLayout() throws Exception {
            Path flat = InstallScript.zip(dir.resolve("flat.zip"), List.of("install.py", "ijava-1.3.0.jar", "kernel.json"));
            InstallScript.Result r = InstallScript.run(InstallScript.offline(flat, data, jars));
            refused(r, flat + " does not have the IJava 1.3.0 release layout: missing java/kernel.json, java/ijava-1.3.0.jar");
        }

        @Test
        @DisplayName("a file that is not a zip")
        void notAZip() throws Exception {
            Path text = Files.writeString(dir.resolve("ijava.zip"), "not a zip");
            refused(InstallScript.run(InstallScript.offline(text, data, jars)), text + " is not a zip file");
        }

        @Test
        @DisplayName("an IJAVA_ZIP that does not exist")
        void missingZip() {
            Path absent = dir.resolve("absent.zip");
            refused(InstallScript.run(InstallScript.offline(absent, data, jars)), "IJAVA_ZIP=" + absent + " is not a file");
        }

        @Test
        @DisplayName("a failed download: the message suggests IJAVA_ZIP")
        void failedDownload() {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.remove("IJAVA_ZIP");
            settings.put("IJAVA_URL", "http://127.0.0.1:9/ijava-1.3.0.zip");
            InstallScript.Result r = InstallScript.run(settings);
            refused(r, "could not download http://127.0.0.1:9/ijava-1.3.0.zip");
            assertTrue(r.output().contains("IJAVA_ZIP=/path/to/ijava-1.3.0.zip"), r.output());
        }

        @Test
        @DisplayName("a jar folder without the library jar (IJava could not start with a missing class path folder): the message gives the build command")
        void unbuiltJarFolder() throws Exception {
            Path empty = Files.createDirectories(dir.resolve("unbuilt/lib"));
            InstallScript.Result r = InstallScript.run(InstallScript.offline(zip, data, empty));
            refused(r, empty + " does not hold the library jar yet");
            assertTrue(r.output().contains("./mvnw -B -ntp -pl notebooks -am package -DskipTests"), r.output());
        }

        @Test
        @DisplayName("a Java older than 17")
        void oldJava() throws Exception {
            Path bin = Files.createDirectories(dir.resolve("jdk-11/bin"));
            Path java = Files.writeString(bin.resolve("java"),
                    "#!/bin/sh\necho 'Property settings:' >&2\necho '    java.specification.version = 11' >&2\n");
            assertTrue(java.toFile().setExecutable(true));
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.put("JAVA_HOME", dir.resolve("jdk-11").toString());
            refused(InstallScript.run(settings), java + " is Java 11; the library needs Java 17 or newer");
        }

        @Test
        @DisplayName("a heap setting the JVM would not accept")
        void badHeap() {
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.put("KERNEL_HEAP", "1 GB");
            refused(InstallScript.run(settings), "KERNEL_HEAP=1 GB is not a heap size such as 1g or 768m");
        }

        @Test
        @DisplayName("a JVM option that is not one (no leading '-', or spaces inside)")
        void badJvmOption() {
            refused(InstallScript.run(InstallScript.offline(zip, data, jars), "--jvm-option", "Xmx2g"), "'Xmx2g' is not a JVM option");
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.put("KERNEL_VECTOR_API", "maybe");
            refused(InstallScript.run(settings), "KERNEL_VECTOR_API=maybe is not 1 or 0");
        }

        @Test
        @DisplayName("--vector-api with a Java that has no jdk.incubator.vector module")
        void noVectorModule() throws Exception {
            Path bin = Files.createDirectories(dir.resolve("jdk-17-without-vector/bin"));
            Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n"
                    + "[ \"$1\" = --list-modules ] && { echo java.base@17; exit 0; }\n"
                    + "echo 'Property settings:' >&2\necho '    java.specification.version = 17' >&2\n");
            assertTrue(java.toFile().setExecutable(true));
            Map<String, String> settings = InstallScript.offline(zip, data, jars);
            settings.put("JAVA_HOME", dir.resolve("jdk-17-without-vector").toString());
            refused(InstallScript.run(settings, "--vector-api"), java + " has no jdk.incubator.vector module");
        }

        @Test
        @DisplayName("an argument it does not know")
        void unknownArgument() {
            refused(InstallScript.run(InstallScript.offline(zip, data, jars), "--user"), "unknown argument '--user'");
        }

        private void refused(InstallScript.Result r, String message) {
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("install-kernel: " + message), r.output());
            assertFalse(Files.exists(data.resolve("kernels")), "nothing is installed");
        }
    }

    @Test
    @DisplayName("it and postBuild pass shellcheck (required when CI=true, skipped elsewhere if shellcheck is missing)")
    void shellcheck() throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0;
        assumeTrue(present || "true".equals(System.getenv("CI")), "shellcheck is not installed");
        List<String> command = new ArrayList<>(List.of("shellcheck", REPO.resolve("binder/postBuild").toString()));
        try (Stream<Path> files = Files.list(REPO.resolve("binder"))) {
            files.filter(p -> p.toString().endsWith(".sh")).map(Path::toString).sorted().forEach(command::add);
        }
        assertTrue(command.contains(SCRIPT.toString()), command::toString);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    static JsonObject kernelJson(Path kernel) throws IOException {
        return new JsonParser().parse(Files.readString(kernel.resolve("kernel.json"))).getAsJsonObject();
    }

    static List<String> argv(JsonObject spec) {
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    static Map<String, String> env(JsonObject spec) {
        Map<String, String> env = new TreeMap<>();
        spec.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        return env;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().toList();
        }
    }

    /** Each file under root with its bytes (as text; enough to see a change). */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> snapshot = new TreeMap<>();
        for (Path p : files(root)) {
            snapshot.put(root.relativize(p), Files.isDirectory(p) ? "<dir>" : Files.readString(p));
        }
        return snapshot;
    }
}
