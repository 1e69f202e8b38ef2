package org.citycase.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic of composite scores and ranks; plain Java.
 *
 * <p>Score: each weighted percentage earns its weight times its share (or one minus its share when lower is
 * better); the sum is divided by the sum of the weights used and given out of 100, rounded half up to two
 * decimals. A percentage that is not applicable (nothing was due) is left out together with its weight, so the
 * remaining weights count in proportion: a unit is judged on what it had to do, never on 0/0. A unit with no
 * applicable percentage at all has no score, no grade and no rank.
 *
 * <p>Rank: by score, highest first; equal scores (after rounding) share a rank and the next rank skips as many
 * places ("1, 2, 2, 4"); units without a score come last, without a rank.
 */
public final class Scores {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private Scores() {
    }

    /**
     * The composite score of a unit.
     *
     * @param percentages the unit's percentages by indicator id, 0 to 100; a missing or {@code null} value is
     *                    not applicable
     * @param weights     the weights of the unit's level
     * @return the score from 0 to 100 with two decimals, or {@code null} when no weighted percentage applies
     * @throws IllegalArgumentException when a weight is negative
     */
    public static BigDecimal score(Map<String, BigDecimal> percentages, List<Weight> weights) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        for (Weight weight : weights) {
            if (weight.weight().signum() < 0) {
                throw new IllegalArgumentException("The weight of " + weight.indicator() + " is negative");
            }
            BigDecimal percent = percentages.get(weight.indicator());
            if (percent == null || weight.weight().signum() == 0) {
                continue;
            }
            BigDecimal share = percent.divide(HUNDRED, PRECISION);
            if (weight.better() == Weight.Better.LOWER) {
                share = BigDecimal.ONE.subtract(share);
            }
            earned = earned.add(weight.weight().multiply(share, PRECISION), PRECISION);
            used = used.add(weight.weight());
        }
        if (used.signum() == 0) {
            return null;
        }
        return earned.multiply(HUNDRED).divide(used, PRECISION).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A percentage from two counts.
     *
     * @return {@code part / whole} out of 100, unrounded (16 digits), or {@code null} when {@code whole} is 0:
     *         not applicable
     */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), PRECISION);
    }

    /** A percentage or score as shown: two decimals, rounded half up; {@code null} stays {@code null}. */
    public static BigDecimal shown(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Ranks items by score, highest first, ties sharing a rank ("1, 2, 2, 4").
     *
     * @param items items in any order
     * @param score an item's score, {@code null} for an item without one
     * @param code  an item's code, which orders items of equal score
     * @return the ranks (1-based, {@code null} without a score) in the order of the sorted items
     */
    public static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> score, Function<T, String> code) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(code));
        List<Ranked<T>> ranked = new ArrayList<>();
        Integer rank = null;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            T item = sorted.get(i);
            BigDecimal value = score.apply(item);
            if (value == null) {
                rank = null;
            } else if (previous == null || value.compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = value;
            ranked.add(new Ranked<>(item, rank));
        }
        return ranked;
    }

    /**
     * An item with its rank.
     *
     * @param rank 1 for the best, {@code null} for an item without a score
     */
    public record Ranked<T>(T item, Integer rank) {
    }
}
