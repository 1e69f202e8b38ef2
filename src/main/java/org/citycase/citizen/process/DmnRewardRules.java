package org.citycase.citizen.process;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.citycase.citizen.reward.RewardRules;
import org.springframework.stereotype.Component;

/** The reward per category from the decision table {@code reward} ({@code decisions/reward.dmn}). */
@Component
public class DmnRewardRules implements RewardRules {

    static final String DECISION = "reward";

    private final DecisionTables tables;

    public DmnRewardRules(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public BigDecimal amountFor(String categoryCode) {
        DmnDecisionResultEntries row = tables.evaluate(DECISION, Map.of("categoryCode", categoryCode))
                .getFirstResult();
        Number amount = row == null ? null : row.getEntry("amountYuan");
        return amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString());
    }
}
