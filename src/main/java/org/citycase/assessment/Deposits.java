package org.citycase.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The year-end settlement of a district's deposit; plain arithmetic. */
public final class Deposits {

    private Deposits() {
    }

    /**
     * Settles a deposit by a year's score. Points count with their decimals: 87.5 is 2.5 points above 85. Amounts
     * are in yuan, rounded half up to the fen.
     *
     * @param deposit the deposit in yuan
     * @param score   the year's combined score, or {@code null} when the district has none
     * @return the settlement; reward, deduction and refund are {@code null} without a score
     */
    public static Settlement settle(BigDecimal deposit, BigDecimal score, DepositProperties rule) {
        if (score == null) {
            return new Settlement(deposit, null, null, null, null);
        }
        BigDecimal points = score.subtract(rule.threshold());
        BigDecimal reward = BigDecimal.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        if (points.signum() > 0) {
            reward = deposit.multiply(rule.rewardPerPoint()).multiply(points);
        } else if (points.signum() < 0) {
            deduction = deposit.multiply(rule.deductionPerPoint()).multiply(points.negate()).min(deposit);
        }
        reward = fen(reward);
        deduction = fen(deduction);
        return new Settlement(deposit, score, reward, deduction, fen(deposit.add(reward).subtract(deduction)));
    }

    private static BigDecimal fen(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A deposit's settlement.
     *
     * @param deposit   yuan paid in
     * @param score     the year's combined score
     * @param reward    yuan added for the points above the threshold
     * @param deduction yuan taken for the points below it, at most the deposit
     * @param refund    yuan paid back: deposit + reward − deduction
     */
    public record Settlement(BigDecimal deposit, BigDecimal score, BigDecimal reward, BigDecimal deduction,
                             BigDecimal refund) {
    }
}
