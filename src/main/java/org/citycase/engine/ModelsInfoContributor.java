package org.citycase.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the deployed models to {@code /actuator/info}: each key with its latest version and resource. */
@Component
public class ModelsInfoContributor implements InfoContributor {

    private final RepositoryService repository;

    public ModelsInfoContributor(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> processes = new LinkedHashMap<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list()) {
            processes.put(p.getKey(), Map.of("version", p.getVersion(), "resource", p.getResourceName()));
        }
        Map<String, Object> decisions = new LinkedHashMap<>();
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion()
                .orderByDecisionDefinitionKey().asc().list()) {
            decisions.put(d.getKey(), Map.of("version", d.getVersion(), "resource", d.getResourceName()));
        }
        builder.withDetail("models", Map.of("processes", processes, "decisions", decisions));
    }
}
