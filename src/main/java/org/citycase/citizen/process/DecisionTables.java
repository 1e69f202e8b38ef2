package org.citycase.citizen.process;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table, so a city changes a rule by deploying the
 * DMN file. Runs without the engine's authorization checks: the rules are the system's own, and the
 * user whose action triggered the evaluation (e.g. a shift leader registering a case) needs no right to
 * read them.
 */
@Component
public class DecisionTables {

    private final ProcessEngineConfigurationImpl configuration;
    private final DecisionService decisions;

    public DecisionTables(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.decisions = engine.getDecisionService();
    }

    /**
     * Evaluates the decision table with the given key.
     *
     * @throws org.camunda.bpm.engine.exception.NotFoundException when no decision has that key
     */
    public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> decisions.evaluateDecisionByKey(decisionKey).variables(variables).evaluate()));
    }
}
