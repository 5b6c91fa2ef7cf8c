/**
 * The checks behind the tutorial notebooks' exercises, one class per notebook, named after its
 * topic. Each method takes the learner's answers (NaN or null for "not answered yet") and returns
 * an {@link io.github.backprop.exercise.Verdict}; the right values are computed here from the same
 * networks and data the notebook uses, so no notebook cell needs to contain them.
 */
package io.github.backprop.course;
