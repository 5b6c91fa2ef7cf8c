package io.github.backprop.chart;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("The chart style")
class ChartStyleTest {

    @Test
    @DisplayName("has a palette of the eight Okabe-Ito colours that nobody can change")
    void paletteIsImmutable() {
        assertEquals(8, ChartStyle.PALETTE.size());
        assertEquals(new Color(0, 114, 178), ChartStyle.PALETTE.get(0));
        assertThrows(UnsupportedOperationException.class, () -> ChartStyle.PALETTE.set(0, Color.RED));
        assertEquals(new Color(0, 114, 178), ChartStyle.PALETTE.get(0));
    }
}
