package io.github.backprop.chart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An image the library drew itself (decision boundaries, digit grids, network diagrams), shown
 * inline in notebooks like a chart.
 */
public final class Picture {
    private final String title;
    private final BufferedImage image;

    Picture(String title, BufferedImage image) {
        this.title = title;
        this.image = image;
    }

    /**
     * A picture of an image drawn outside this package (the graph pictures of
     * {@code io.github.backprop.autograd}), shown inline like the others. The image is copied.
     *
     * @param title what the picture shows
     * @param image the image
     * @return the picture
     */
    public static Picture of(String title, BufferedImage image) {
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(image, "image");
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        java.awt.Graphics g = copy.getGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return new Picture(title, copy);
    }

    /** What the picture shows. */
    public String title() {
        return title;
    }

    /** A copy of the image. */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }

    /** The image as PNG bytes. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + title + " as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the image as a PNG file.
     *
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        java.nio.file.Files.write(file, toPng());
    }

    @Override
    public String toString() {
        return title + " (" + width() + "x" + height() + " image)";
    }
}
