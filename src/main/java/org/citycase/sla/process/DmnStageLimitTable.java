package org.citycase.sla.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.citycase.sla.LimitUnit;
import org.citycase.sla.StageLimit;
import org.citycase.sla.StageLimitTable;
import org.springframework.stereotype.Component;

/**
 * Reads stage limits from the latest deployed version of {@code decisions/stage-limits.dmn}, so a new version
 * applies to every stage that starts after its deployment, without a restart.
 *
 * <p>The table's answer depends on its version and its three inputs only, so answers are kept per version: every
 * stage start asks the engine which version is the latest (one indexed query, which sees a deployment made on
 * another node too) and evaluates the table only for inputs that version has not answered yet. Evaluating it at
 * every stage start was a sixth of a case's CPU on the node.
 */
@Component
public class DmnStageLimitTable implements StageLimitTable {

    public static final String DECISION_KEY = "stage-limits";

    private final DecisionService decisions;
    private final Map<Question, StageLimit> answers = new ConcurrentHashMap<>();

    public DmnStageLimitTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** A question put to one version of the table: the version is part of it, so no answer outlives its version. */
    private record Question(String version, String stage, String categoryCode, boolean urgent) {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also when the rule's unit is not a {@link LimitUnit} or its numbers are
     *                               out of range, naming the table and the stage
     */
    @Override
    public StageLimit limitOf(String stage, String categoryCode, boolean urgent) {
        String version = latestVersion();
        Question question = new Question(version, stage, categoryCode, urgent);
        StageLimit known = answers.get(question);
        if (known != null) {
            return known;
        }
        // on a miss, drop other versions' answers (a few dozen at most), which no stage started from now on needs
        answers.keySet().removeIf(q -> !q.version().equals(version));
        StageLimit limit = evaluate(version, stage, categoryCode, urgent);
        answers.put(question, limit);
        return limit;
    }

    /** The id of the table's latest version; stages start inside the engine's command, where this is read. */
    private static String latestVersion() {
        if (Context.getCommandContext() == null) {
            throw new IllegalStateException("Stage limits are read while the engine starts a stage, not outside");
        }
        DecisionDefinition latest = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
        return latest.getId();
    }

    private StageLimit evaluate(String version, String stage, String categoryCode, boolean urgent) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionById(version)
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
