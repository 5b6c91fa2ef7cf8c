package io.github.backprop.notebooks;

import io.github.backprop.notebook.ExecutedNotebook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every exercise has a check, and every check is wired up. The conventions:
 * <ul>
 *   <li>a tutorial's markdown cell with the heading {@code ## Exercises} lists the exercises as
 *       {@code 1.}, {@code 2.}, ...;</li>
 *   <li>exercise n has one or more code cells with the id {@code exercise-n} (or {@code exercise-na},
 *       {@code exercise-nb}, ... for several parts); each ends with a check whose verdict, before
 *       the learner has answered, is "… Not answered yet";</li>
 *   <li>{@code solutions/<tutorial>-solutions.ipynb} has a cell {@code solution-n} (or {@code -na},
 *       ...) for each exercise cell, which answers it and whose verdict is "✔ Right".</li>
 * </ul>
 * Each check's verdicts on right and wrong answers are tested where the check is defined
 * ({@code io.github.backprop.course} in the library).
 */
@DisplayName("The exercises")
class ExercisesTest {
    private static final Pattern EXERCISE_ID = Pattern.compile("exercise-(\\d+)[a-z]?");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("(?m)^(\\d+)\\. ");

    @TestFactory
    @DisplayName("of each tutorial each have a check cell that waits for an answer")
    Stream<DynamicTest> eachHasACheck() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExecutedNotebook nb = TutorialRuns.run(name);
            assertTrue(nb.succeeded(), () -> "the notebook failed: " + nb.failure().orElseThrow());
            TreeSet<Integer> listed = listedExercises(nb, name);
            TreeSet<Integer> checked = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            for (ExecutedNotebook.Cell cell : exerciseCells(nb)) {
                Matcher m = EXERCISE_ID.matcher(cell.id());
                assertTrue(m.matches(), "bad exercise cell id " + cell.id());
                checked.add(Integer.parseInt(m.group(1)));
                String result = cell.resultText().orElse("");
                if (!result.startsWith("… Not answered yet")) {
                    problems.add(cell.id() + " shows \"" + result + "\" before it is answered");
                }
            }
            assertEquals(listed, checked, name + ": the exercises listed and the exercises with a check cell differ");
            assertEquals(List.of(), problems);
        }));
    }

    @TestFactory
    @DisplayName("of each tutorial each have a solution that the check accepts")
    Stream<DynamicTest> eachHasASolution() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String solutions = TutorialRuns.solutionsOf(name);
            assertTrue(Files.isRegularFile(TutorialRuns.FOLDER.resolve(solutions)), "no " + solutions);
            ExecutedNotebook tutorial = TutorialRuns.run(name);
            ExecutedNotebook solved = TutorialRuns.run(solutions);
            assertTrue(solved.succeeded(), () -> solutions + " failed: " + solved.failure().orElseThrow());
            List<String> exerciseIds = exerciseCells(tutorial).stream().map(ExecutedNotebook.Cell::id).toList();
            List<String> solutionIds = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (ExecutedNotebook.Cell cell : solved.cells()) {
                if (cell.type().equals("code") && cell.id().startsWith("solution-")) {
                    solutionIds.add("exercise-" + cell.id().substring("solution-".length()));
                    String result = cell.resultText().orElse("");
                    if (!result.startsWith("✔ Right")) {
                        problems.add(cell.id() + " shows \"" + result + "\"");
                    }
                }
            }
            assertEquals(exerciseIds, solutionIds, solutions + ": one solution cell per exercise cell, in the same order");
            assertEquals(List.of(), problems, solutions + ": every solution must pass its check");
        }));
    }

    private static List<ExecutedNotebook.Cell> exerciseCells(ExecutedNotebook nb) {
        return nb.cells().stream().filter(c -> c.type().equals("code") && c.id().startsWith("exercise-")).toList();
    }

    /** The numbers of the exercises listed under the "## Exercises" heading. */
    private static TreeSet<Integer> listedExercises(ExecutedNotebook nb, String name) {
        ExecutedNotebook.Cell heading = nb.cells().stream()
                .filter(c -> c.type().equals("markdown") && c.source().contains("## Exercises"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no ## Exercises"));
        String text = heading.source().substring(heading.source().indexOf("## Exercises"));
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = NUMBERED_ITEM.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        assertTrue(!numbers.isEmpty(), name + " lists no numbered exercises");
        return numbers;
    }
}
