package io.github.backprop.data;

import io.github.backprop.random.SplitMix64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Assigns a dataset's rows to the parts of a seeded, stratified split. */
final class Parts {
    private Parts() {
    }

    /**
     * Shuffles the rows of each class (all rows if unlabelled) with a seeded SplitMix64 and deals
     * them out: the first {@code round(size * fractions[0])} of each class to part 0, the next
     * {@code round(size * fractions[1])} to part 1, and so on; the rest to the last part.
     *
     * @return each row's part, 0 to {@code fractions.length}
     */
    static int[] assign(Dataset data, double[] fractions, long seed) {
        Random random = new SplitMix64(seed);
        List<List<Integer>> groups = new ArrayList<>();
        if (data.hasLabels()) {
            for (int c = 0; c < data.classCount(); c++) {
                groups.add(new ArrayList<>());
            }
            for (int r = 0; r < data.size(); r++) {
                groups.get(data.label(r)).add(r);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < data.size(); r++) {
                all.add(r);
            }
            groups.add(all);
        }
        int[] part = new int[data.size()];
        Arrays.fill(part, fractions.length);
        for (List<Integer> group : groups) {
            // Fisher-Yates on the group's row numbers, then deal the parts out from the front
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = group.get(i);
                group.set(i, group.get(j));
                group.set(j, t);
            }
            int next = 0;
            for (int p = 0; p < fractions.length; p++) {
                int count = (int) Math.round(group.size() * fractions[p]);
                for (int i = next; i < Math.min(group.size(), next + count); i++) {
                    part[group.get(i)] = p;
                }
                next += count;
            }
        }
        return part;
    }
}
