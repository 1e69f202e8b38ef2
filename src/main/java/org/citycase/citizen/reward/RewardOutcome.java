package org.citycase.citizen.reward;

/** What became of the reward for one registered first report. */
public enum RewardOutcome {
    /** The table's amount was granted in full. */
    GRANTED,
    /** The monthly cap cut the amount, possibly to nothing. */
    CAPPED,
    /** The reporter is on the blacklist and earns nothing. */
    BLACKLISTED
}
