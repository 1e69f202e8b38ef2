package org.citycase.citizen.reward;

import java.math.BigDecimal;

/** The reward per category; the city keeps the amounts in {@code decisions/reward.dmn}. */
public interface RewardRules {

    /**
     * The reward for the first valid report of a problem of the category, in yuan.
     *
     * @return zero or more; zero when the table gives nothing
     */
    BigDecimal amountFor(String categoryCode);
}
