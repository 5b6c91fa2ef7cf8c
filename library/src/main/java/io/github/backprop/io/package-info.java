/**
 * Saving and loading networks as human-readable JSON.
 */
package io.github.backprop.io;
