package io.github.backprop.notebooks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The notation")
class NotationTest {
    private static final String HEADING = "### The four equations of backpropagation";

    @Test
    @DisplayName("notebook 5's summary of the four equations of backpropagation is the README card's, word for word")
    void summaryIsTheCard() throws IOException {
        String readme = Files.readString(TutorialRuns.FOLDER.resolve("README.md"));
        int from = readme.indexOf(HEADING);
        int to = readme.indexOf("\n### ", from + HEADING.length());
        assertTrue(from >= 0 && to > from, "the README has no section " + HEADING);
        String card = readme.substring(from + HEADING.length(), to).strip();
        String summary = TutorialRuns.run("05-bias-gradients-and-gradient-check.ipynb").cell("summary").source();
        String heading = "## Summary: the four equations of backpropagation";
        assertTrue(summary.startsWith(heading), "notebook 5's summary cell starts with " + summary.lines().findFirst().orElse(""));
        assertEquals(card, summary.substring(heading.length()).strip());
    }
}
