package io.github.backprop.init;

/**
 * The front door to initialisers: {@code Initializers.uniformFanIn()}, {@code Initializers.xavier()},
 * {@code Initializers.he()}, ...
 */
public final class Initializers {
    private Initializers() {
    }

    /**
     * Uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)): w = (2u - 1) * (1/sqrt(fan_in)). The default,
     * and the one the benchmark workloads specify.
     */
    public static Initializer uniformFanIn() {
        return (values, fanIn, fanOut, random) -> {
            double scale = 1.0 / Math.sqrt(fanIn);
            for (int i = 0; i < values.length; i++) {
                double u = random.nextDouble();
                // w = (2u - 1) * (1 / sqrt(fan_in))
                values[i] = (2.0 * u - 1.0) * scale;
            }
        };
    }

    /** Xavier/Glorot uniform: w uniform in [-r, r) with r = sqrt(6 / (fan_in + fan_out)); for sigmoid and tanh. */
    public static Initializer xavier() {
        return (values, fanIn, fanOut, random) -> {
            double r = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < values.length; i++) {
                // w = (2u - 1) * sqrt(6 / (fan_in + fan_out))
                values[i] = (2.0 * random.nextDouble() - 1.0) * r;
            }
        };
    }

    /** He normal: w ~ N(0, 2 / fan_in); for ReLU layers. */
    public static Initializer he() {
        return (values, fanIn, fanOut, random) -> {
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < values.length; i++) {
                // w = N(0, 1) * sqrt(2 / fan_in)
                values[i] = random.nextGaussian() * std;
            }
        };
    }

    /**
     * Uniform in [-limit, limit), whatever the layer's size (e.g. a deliberately small or large start).
     *
     * @param limit half-width, positive
     * @return the initialiser
     */
    public static Initializer uniform(double limit) {
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("uniform initialiser needs a positive finite limit, got " + limit);
        }
        return (values, fanIn, fanOut, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (2.0 * random.nextDouble() - 1.0) * limit;
            }
        };
    }

    /**
     * Normal with mean 0 and the given standard deviation, whatever the layer's size.
     *
     * @param std standard deviation, positive
     * @return the initialiser
     */
    public static Initializer normal(double std) {
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal initialiser needs a positive finite standard deviation, got " + std);
        }
        return (values, fanIn, fanOut, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian() * std;
            }
        };
    }

    /**
     * Every value set to {@code value} (draws nothing).
     *
     * @param value the constant, finite
     * @return the initialiser
     */
    public static Initializer constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant initialiser needs a finite value, got " + value);
        }
        return (values, fanIn, fanOut, random) -> java.util.Arrays.fill(values, value);
    }

    /** Every value 0: the default for biases. */
    public static Initializer zeros() {
        return constant(0.0);
    }
}
