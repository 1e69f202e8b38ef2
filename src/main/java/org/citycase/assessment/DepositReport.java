package org.citycase.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * The year-end settlement of every district's deposit.
 *
 * @param provisional       whether the year is still running
 * @param threshold         the score at which a deposit comes back unchanged
 * @param rewardPerPoint    share of the deposit added per point above the threshold
 * @param deductionPerPoint share taken per point below it
 */
public record DepositReport(int year, boolean provisional, BigDecimal threshold, BigDecimal rewardPerPoint,
                            BigDecimal deductionPerPoint, List<Line> districts) {

    /** One district's deposit and its settlement by the district's combined score of the year. */
    public record Line(String districtCode, String districtName, Deposits.Settlement settlement) {
    }
}
