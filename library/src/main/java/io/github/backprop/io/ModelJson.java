package io.github.backprop.io;

import io.github.backprop.nn.Network;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves and loads networks as human-readable JSON:
 * <pre>{@code
 * {
 *   "format" : "backprop-network",
 *   "version" : 1,
 *   "inputSize" : 2,
 *   "layers" : [ {
 *     "type" : "dense",
 *     "inputSize" : 2,
 *     "outputSize" : 2,
 *     "activation" : "sigmoid",
 *     "weights" : [ [ 0.1, -0.2 ], [ 0.3, 0.4 ] ],
 *     "biases" : [ 0.0, 0.0 ]
 *   }, ... ]
 * }
 * }</pre>
 * Weights are written row by row (W[j][i] connects input i to neuron j) with every digit needed
 * to read back the same double. The other layer types:
 * <ul>
 *   <li>a network whose input is an image or a sequence also has
 *       {@code "inputShape" : { "type" : "image", "channels" : 1, "height" : 8, "width" : 8 }} or
 *       {@code { "type" : "sequence", "steps" : 5, "features" : 1 }};</li>
 *   <li>{@code "conv2d"}: {@code outChannels}, {@code kernelSize}, {@code padding} ("valid" or
 *       "same"), {@code activation}, {@code kernels} as K[o][c][p][q] (nested arrays,
 *       out-channels x in-channels x k x k) and {@code biases} (one per output channel);</li>
 *   <li>{@code "maxPool"}: {@code size}, and {@code "leftover" : "drop"} if rows and columns that
 *       no window covers are dropped (without it the window must divide the image);
 *       {@code "flatten"}: nothing more;</li>
 *   <li>{@code "recurrent"}: {@code hiddenSize}, {@code output} ("last_step" or "every_step"),
 *       {@code inputWeights} (W_x, hidden x features), {@code recurrentWeights} (W_h, hidden x
 *       hidden) and {@code biases}.</li>
 * </ul>
 * Every layer also states its flat {@code inputSize} and {@code outputSize}, which loading checks
 * against the shapes. Loading checks everything and names the first problem found: bytes that are
 * not UTF-8 text, JSON that stops early or goes on after the network, a field of the wrong type.
 * Saving writes a temporary file and then moves it into place, so a failed save never destroys an
 * existing file, and a replaced file keeps its permissions.
 */
public final class ModelJson {
    /** The value of the "format" field. */
    public static final String FORMAT = "backprop-network";
    /** The version this library writes and reads. */
    public static final int VERSION = 1;

    private ModelJson() {
    }

    /**
     * The network as JSON text.
     *
     * @param network the network (not modified)
     * @return pretty-printed JSON
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite (such a file could
     *     not be loaded again), naming the first one
     */
    public static String toJson(Network network) {
        return ModelWriter.write(network);
    }

    /**
     * Saves the network to a file, replacing it only once the new content is completely written: the
     * JSON goes into a temporary file beside it, which is then moved into place. A file that existed
     * keeps its permissions (and a symbolic link keeps pointing where it did: the file it points to is
     * replaced); a new file gets the permissions any new file of the user gets.
     *
     * @param network the network (not modified)
     * @param file where to write
     * @throws IOException if the file cannot be written (an existing file is left as it was)
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite (nothing is written)
     */
    public static void save(Network network, Path file) throws IOException {
        String json = toJson(network);
        ModelFiles.replace(file, json);
    }

    /**
     * Loads a network from a file.
     *
     * @param file a file written by {@link #save}
     * @return the network
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if the content is not a valid network (also if it is not text at
     *     all), naming the file and the problem
     */
    public static Network load(Path file) throws IOException {
        String text = ModelFiles.read(file);
        try {
            return fromJson(text);
        } catch (ModelFileException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a network from JSON text.
     *
     * @param json the text
     * @return the network
     * @throws ModelFileException naming the first problem found
     */
    public static Network fromJson(String json) {
        return ModelReader.read(json);
    }
}
