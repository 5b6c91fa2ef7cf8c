/**
 * Activation functions f(z), each with its derivative f'(z) beside it.
 */
package io.github.backprop.activation;
