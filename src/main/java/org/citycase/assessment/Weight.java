package org.citycase.assessment;

import java.math.BigDecimal;

/**
 * One row of the weights table: how much a percentage of a level counts towards the composite score.
 *
 * @param indicator the id of a percentage of the level, e.g. {@code reworkRate}
 * @param weight    its weight, a number of points (weights of a level need not add up to 100)
 * @param better    whether a higher or a lower percentage scores more
 */
public record Weight(String indicator, BigDecimal weight, Better better) {

    /** Which way an indicator points. */
    public enum Better {
        /** The share itself scores: a handling rate of 80 % earns 80 % of the weight. */
        HIGHER,
        /** One minus the share scores: a rework rate of 20 % earns 80 % of the weight. */
        LOWER
    }
}
