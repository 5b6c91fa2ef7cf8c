/**
 * Layers and networks: z = W a_prev + b, a = f(z), and the parameters W and b with their gradients.
 *
 * <p>Every layer implements {@link io.github.backprop.nn.Layer}: {@link io.github.backprop.nn.DenseLayer},
 * {@link io.github.backprop.nn.Conv2dLayer} (kernels sliding over an image),
 * {@link io.github.backprop.nn.MaxPoolLayer}, {@link io.github.backprop.nn.FlattenLayer} and
 * {@link io.github.backprop.nn.RecurrentLayer} (one hidden state carried through a sequence).
 * Samples are flat vectors; a {@link io.github.backprop.nn.Shape} says how a layer reads them.
 */
package io.github.backprop.nn;
