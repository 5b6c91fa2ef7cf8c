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
}
