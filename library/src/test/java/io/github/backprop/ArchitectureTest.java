package io.github.backprop;

import io.github.backprop.nn.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering the library promises, read from its compiled classes by the JDK's {@code jdeps}:
 * the core (the math of backpropagation, training, checks, data) uses none of Tablesaw, XChart,
 * Jackson or the display, chart, table and io packages, so that a plain-Java user can leave those
 * jars out; and the library's packages depend on each other one way only.
 */
@DisplayName("The library's layers")
class ArchitectureTest {
    private static final String ROOT = "io.github.backprop.";

    /** Packages (below io.github.backprop) that a plain-Java user needs: nothing of tables, charts, files or notebooks. */
    private static final Set<String> CORE = Set.of("activation", "loss", "nn", "gradient", "init", "optim", "train",
            "check", "eval", "data", "math", "random", "internal.kernel");

    /** The one core class that converts Tablesaw tables, and may use Tablesaw. */
    private static final String TABLE_DATA = ROOT + "data.TableData";

    private static final List<String> FORBIDDEN_FOR_CORE = List.of("tech.tablesaw.", "org.knowm.", "com.fasterxml.",
            "io.github.spencerpark.", ROOT + "display.", ROOT + "chart.", ROOT + "table.", ROOT + "io.");

    /** Every class-to-class dependency of the library's compiled classes, as "from -> to". */
    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void readDependencies() throws URISyntaxException {
        Path classes = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "this JDK has no jdeps tool (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
                classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        Pattern line = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");
        dependencies = new TreeMap<>();
        for (String l : out.toString().split("\n")) {
            Matcher m = line.matcher(l + " ");
            if (m.find() && m.group(1).startsWith(ROOT)) {
                dependencies.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertTrue(dependencies.containsKey(ROOT + "nn.DenseLayer"), "jdeps read the library's classes: " + out);
    }

    /** The package below io.github.backprop, e.g. "nn"; "" for the top-level package. */
    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < ROOT.length() ? "" : className.substring(ROOT.length(), dot);
    }

    @Test
    @DisplayName("the core never uses Tablesaw, XChart, Jackson, nor the display, chart, table or io packages")
    void coreUsesNoTablesChartsOrFiles() {
        List<String> violations = new ArrayList<>();
        dependencies.forEach((from, targets) -> {
            if (!CORE.contains(packageOf(from)) || from.equals(TABLE_DATA) || from.startsWith(TABLE_DATA + "$")) {
                return;
            }
            for (String to : targets) {
                if (FORBIDDEN_FOR_CORE.stream().anyMatch(to::startsWith)) {
                    violations.add(from + " -> " + to);
                }
            }
        });
        assertEquals(List.of(), violations, "core classes that reach beyond the core");
    }

    @Test
    @DisplayName("the core packages are all there, so the check above looks at something")
    void corePackagesExist() {
        Set<String> seen = new HashSet<>();
        dependencies.keySet().forEach(c -> seen.add(packageOf(c)));
        assertTrue(seen.containsAll(CORE), "packages found: " + seen);
    }

    @Test
    @DisplayName("the internal kernels depend on no other package of the library")
    void kernelsAreTheBottom() {
        List<String> violations = new ArrayList<>();
        dependencies.forEach((from, targets) -> {
            if (packageOf(from).equals("internal.kernel")) {
                targets.stream().filter(to -> to.startsWith(ROOT) && !packageOf(to).equals("internal.kernel"))
                        .forEach(to -> violations.add(from + " -> " + to));
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    @DisplayName("packages depend on each other one way only: no cycle, e.g. nn and gradient")
    void noPackageCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        dependencies.forEach((from, targets) -> {
            for (String to : targets) {
                if (to.startsWith(ROOT) && !packageOf(from).equals(packageOf(to))) {
                    graph.computeIfAbsent(packageOf(from), k -> new TreeSet<>()).add(packageOf(to));
                }
            }
        });
        List<String> cycle = findCycle(graph);
        assertEquals(List.of(), cycle, "a cycle between packages");
    }

    /** A cycle in the graph, as the packages along it, or an empty list. */
    private static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    /** Depth-first search: state 1 = on the current path, 2 = done. */
    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
                                      List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
