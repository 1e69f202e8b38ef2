package org.citycase.assessment.process;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.citycase.assessment.ScoringRules;
import org.citycase.assessment.Weight;
import org.springframework.stereotype.Component;

/**
 * Weights and grades from the latest deployed versions of {@code decisions/assessment-weights.dmn} and
 * {@code decisions/assessment-grades.dmn}, so that a city changes its scheme by deploying a table, without a
 * restart. Evaluated without the engine's authorization checks: the tables are the system's own rules.
 */
@Component
public class DmnScoringRules implements ScoringRules {

    public static final String WEIGHTS = "assessment-weights";
    public static final String GRADES = "assessment-grades";

    private final ProcessEngineConfigurationImpl configuration;
    private final DecisionService decisions;

    public DmnScoringRules(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.decisions = engine.getDecisionService();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException naming the table and the level when a row lacks its weight or has a weight
     *                               below 0 or a direction other than HIGHER or LOWER
     */
    @Override
    public List<Weight> weights(String level) {
        DmnDecisionResult rows = evaluate(WEIGHTS, Map.of("level", level));
        return rows.stream().map(row -> weight(level, row)).toList();
    }

    /** {@inheritDoc} */
    @Override
    public String grade(BigDecimal score) {
        DmnDecisionResultEntries row = evaluate(GRADES, Map.of("score", score.doubleValue())).getFirstResult();
        Object grade = row == null ? null : row.getEntry("grade");
        if (grade == null) {
            throw new IllegalStateException("The decision table " + GRADES + " has no grade for the score " + score);
        }
        return grade.toString();
    }

    private static Weight weight(String level, DmnDecisionResultEntries row) {
        Object indicator = row.getEntry("indicator");
        Object weight = row.getEntry("weight");
        Object better = row.getEntry("better");
        try {
            BigDecimal points = new BigDecimal(weight.toString());
            if (indicator == null || points.signum() < 0) {
                throw new IllegalArgumentException("no indicator or a negative weight");
            }
            return new Weight(indicator.toString(), points, Weight.Better.valueOf(String.valueOf(better)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The decision table " + WEIGHTS + " has an unusable row for level '"
                    + level + "': " + row.getEntryMap() + "; a row needs an indicator, a weight of 0 or more and "
                    + "better HIGHER or LOWER", e);
        }
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> decisions.evaluateDecisionByKey(key).variables(variables).evaluate()));
    }
}
