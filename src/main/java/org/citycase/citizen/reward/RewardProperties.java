package org.citycase.citizen.reward;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reward scheme for first valid reports (全民城管有奖举报); the amount per category is in
 * {@code decisions/reward.dmn}.
 *
 * @param monthlyCap      most a reporter can earn in one calendar month, in yuan
 * @param sources         report sources whose reporters are rewarded, by name
 * @param reporterKeySalt secret mixed into the hash that identifies a reporter in the ledger; changing it
 *                        starts every reporter's ledger and blacklist entry afresh
 */
@ConfigurationProperties("citycase.rewards")
public record RewardProperties(
        @DefaultValue("300") BigDecimal monthlyCap,
        @DefaultValue("CITIZEN") Set<String> sources,
        @DefaultValue("citycase") String reporterKeySalt) {
}
