package io.github.backprop.display;

import io.github.backprop.autograd.GraphPicture;
import io.github.backprop.autograd.Value;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A picture of a Value's graph, displayed in a notebook")
class GraphPictureDisplayTest {
    @Test
    @DisplayName("renders as an image/png of the picture's size, and as its title in text/plain")
    void png() throws IOException {
        Value x = Value.of(3, "x");
        Value y = x.mul(x).add(x).label("y");
        y.backward();
        DisplayData data = NotebookDisplayTest.setUp().render(GraphPicture.of(y));
        String png = (String) data.getData(MIMEType.IMAGE_PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertEquals(GraphPicture.of(y).width(), image.getWidth());
        assertEquals(GraphPicture.of(y).height(), image.getHeight());
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("graph of y: 3 values"), text);
    }
}
