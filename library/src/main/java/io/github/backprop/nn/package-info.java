/**
 * Layers and networks: z = W a_prev + b, a = f(z), and the parameters W and b with their gradients.
 */
package io.github.backprop.nn;
