package org.citycase.sla.process;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.citycase.sla.LimitUnit;
import org.citycase.sla.StageLimit;
import org.citycase.sla.StageLimitTable;
import org.springframework.stereotype.Component;

/**
 * Reads stage limits from the latest deployed version of {@code decisions/stage-limits.dmn}, so a new version
 * applies to every stage that starts after its deployment, without a restart.
 */
@Component
public class DmnStageLimitTable implements StageLimitTable {

    public static final String DECISION_KEY = "stage-limits";

    private final DecisionService decisions;

    public DmnStageLimitTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also when the rule's unit is not a {@link LimitUnit} or its numbers are
     *                               out of range, naming the table and the stage
     */
    @Override
    public StageLimit limitOf(String stage, String categoryCode, boolean urgent) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("stage", stage)
                        .putValue("categoryCode", categoryCode).putValue("urgent", urgent))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("The decision table " + DECISION_KEY + " has no rule for stage '" + stage
                    + "'; add one, or a catch-all rule");
        }
        try {
            Number amount = (Number) result.getEntryMap().get("amount");
            String unit = (String) result.getEntryMap().get("unit");
            Number ratio = (Number) result.getEntryMap().get("warningRatio");
            return new StageLimit(amount.longValue(), LimitUnit.valueOf(unit),
                    ratio == null ? StageLimit.DEFAULT_WARNING_RATIO : ratio.doubleValue());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The decision table " + DECISION_KEY + " gives stage '" + stage
                    + "' an unusable limit " + result + ": " + e.getMessage(), e);
        }
    }
}
