/**
 * Initial weights: uniform in +-1/sqrt(fan_in), Xavier/Glorot, He, and fixed choices.
 */
package io.github.backprop.init;
