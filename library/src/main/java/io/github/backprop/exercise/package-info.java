/**
 * Fair checks for exercises: a learner's number, exact answer or array against the right value,
 * with a verdict that says right, not yet (and which step to redo), or not answered yet, and never
 * shows the answer.
 *
 * <ul>
 *   <li>{@link io.github.backprop.exercise.NumberCheck}: a number read off a table or computed;
 *       right to the last digit the learner wrote (rounded or cut off), at least two significant
 *       digits;</li>
 *   <li>{@link io.github.backprop.exercise.ExactCheck}: a count, a label, a {@link
 *       io.github.backprop.exercise.Sign}, an enum choice;</li>
 *   <li>{@link io.github.backprop.exercise.ArrayCheck}: a whole z, a, delta, dW or db, entry by entry,
 *       naming the first entry that differs and by how much.</li>
 * </ul>
 * Each check can name typical mistakes (a value a learner gets by forgetting f'(z), say) with a hint
 * of their own. Teachers writing their own notebooks can use these checks as they are.
 */
package io.github.backprop.exercise;
