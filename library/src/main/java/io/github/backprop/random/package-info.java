/**
 * SplitMix64, the fully specified random generator behind seeds.
 */
package io.github.backprop.random;
