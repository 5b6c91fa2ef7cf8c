package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.nn.Network;

/**
 * The small networks the tutorials work through by hand, built exactly as the notebooks build
 * them, so that an exercise's right answer comes from the same numbers the learner sees.
 */
public final class TutorialNetworks {
    /** The sample of notebooks 1-5: x = (0.05, 0.10). */
    public static final double[][] X = {{0.05, 0.10}};
    /** Its target: y = 0.01. */
    public static final double[][] Y = {{0.01}};

    private TutorialNetworks() {
    }

    /**
     * The 2-2-1 sigmoid network of notebooks 1-5 (Matt Mazur's example with one output):
     * W[1] = {{0.15, 0.20}, {0.25, 0.30}}, b[1] = (0.35, 0.35), W[2] = {{0.40, 0.45}}, b[2] = (0.60).
     *
     * @return a new network (each call builds a fresh one, so an exercise never sees a changed copy)
     */
    public static Network mazur() {
        return Network.builder(2)
                .dense(new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35}, Activations.sigmoid())
                .dense(new double[][] {{0.40, 0.45}}, new double[] {0.60}, Activations.sigmoid())
                .build();
    }

    /** The sample of notebook 4's wider network: x = (0.5, -1, 2). */
    public static final double[][] WIDE_X = {{0.5, -1.0, 2.0}};
    /** Its targets: y = (1, 0). */
    public static final double[][] WIDE_Y = {{1.0, 0.0}};

    /**
     * The 3-4-2 sigmoid network of notebook 4, with seeded random weights:
     * {@code Network.builder(3).dense(4, sigmoid).dense(2, sigmoid).seed(4).build()}.
     *
     * @return a new network
     */
    public static Network wide() {
        return Network.builder(3)
                .dense(4, Activations.sigmoid())
                .dense(2, Activations.sigmoid())
                .seed(4)
                .build();
    }

    /**
     * The 2-2-2-1 sigmoid network of notebook 4's exercise 2, with seeded random weights:
     * {@code Network.builder(2).dense(2, sigmoid).dense(2, sigmoid).dense(1, sigmoid).seed(1).build()}.
     *
     * @return a new network
     */
    public static Network deeper() {
        return Network.builder(2)
                .dense(2, Activations.sigmoid())
                .dense(2, Activations.sigmoid())
                .dense(1, Activations.sigmoid())
                .seed(1)
                .build();
    }
}
