package org.citycase.assessment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The districts' deposits (保证金) and the year-end rule, from {@code config/assessment.yaml}: a year's combined
 * score above the threshold adds {@code rewardPerPoint} of the deposit per point as a reward, a score below it takes
 * {@code deductionPerPoint} of the deposit away per point, never more than the deposit.
 *
 * @param threshold         the score at which the deposit comes back unchanged, default 85
 * @param rewardPerPoint    share of the deposit per point above, default 0.05 (5 %)
 * @param deductionPerPoint share of the deposit per point below, default 0.06 (6 %)
 * @param amounts           yuan per district code and year; a district without one pays no deposit
 */
@ConfigurationProperties("citycase.assessment.deposit")
public record DepositProperties(@DefaultValue("85") BigDecimal threshold,
                                @DefaultValue("0.05") BigDecimal rewardPerPoint,
                                @DefaultValue("0.06") BigDecimal deductionPerPoint,
                                Map<String, BigDecimal> amounts) {

    public DepositProperties {
        amounts = amounts == null ? Map.of() : new TreeMap<>(amounts);
        if (threshold.signum() < 0 || rewardPerPoint.signum() < 0 || deductionPerPoint.signum() < 0) {
            throw new IllegalStateException("citycase.assessment.deposit: threshold, reward-per-point and "
                    + "deduction-per-point must not be negative");
        }
        amounts.forEach((district, amount) -> {
            if (amount == null || amount.signum() < 0) {
                throw new IllegalStateException("citycase.assessment.deposit.amounts: the deposit of district "
                        + district + " must be 0 or more yuan");
            }
        });
    }
}
