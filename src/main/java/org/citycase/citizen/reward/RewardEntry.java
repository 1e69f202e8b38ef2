package org.citycase.citizen.reward;

import java.time.LocalDate;

/**
 * The reward a registered first report earned.
 *
 * @param day        the city's local date of registration; the ledger counts by this day
 * @param decidedFen the amount the reward table gave, in fen (0.01 yuan)
 * @param grantedFen the amount granted after the monthly cap and the blacklist, in fen
 */
public record RewardEntry(String caseNumber, String reporterKey, LocalDate day, String categoryCode,
                          long decidedFen, long grantedFen, RewardOutcome outcome) {
}
