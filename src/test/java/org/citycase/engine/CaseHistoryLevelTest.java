package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestPoints;
import org.citycase.engine.CaseLifecycle.Element;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the history level {@code citycase} keeps of a closed case, read back through the engine's history API as
 * Cockpit and reports read it: the case's steps and variables, without the clock's bookkeeping or the tokens'
 * passage through gateways.
 */
@CitycaseSpringTest
class CaseHistoryLevelTest {

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @Test
    void closedCaseKeepsItsStepsAndVariablesButNotItsGatewaysOrClock() {
        String caseNumber = closedCitizenCaseWithRework();
        String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).list();

        Set<String> passed = new HashSet<>();
        steps.forEach(step -> passed.add(step.getActivityId()));
        assertThat(passed).contains("reportReceived", Task.ACCEPT, Task.VERIFY, Task.REGISTER, Task.DISPATCH,
                Task.ACKNOWLEDGE, Task.HANDLE, Task.CHECK, Task.CLOSE, Element.END_CLOSED, "acceptStage",
                "checkStage", "acceptStageDone");
        assertThat(steps).filteredOn(step -> step.getActivityId().equals(Task.HANDLE)).hasSize(2);
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.getActivityType()).isNotIn("exclusiveGateway", "parallelGateway", "inclusiveGateway");
            assertThat(step.getEndTime()).as("end of %s", step.getActivityId()).isNotNull();
        });
        assertThat(steps).filteredOn(step -> step.getActivityType().equals("startEvent"))
                .extracting(HistoricActivityInstance::getActivityId).containsExactly("reportReceived");

        Set<String> instanceIds = new HashSet<>();
        steps.forEach(step -> instanceIds.add(step.getId()));
        instanceIds.add(instanceId);
        assertThat(steps).allSatisfy(step -> assertThat(instanceIds)
                .as("parent of %s", step.getActivityId()).contains(step.getParentActivityInstanceId()));

        List<String> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list()
                .stream().map(HistoricVariableInstance::getName).toList();
        assertThat(variables).contains(Var.VERIFIED, Var.REGISTERED, Var.DEPARTMENT, Var.OUTCOME, Var.FIXED)
                .doesNotContainAnyElementsOf(CaseHistoryLevel.CLOCK_VARIABLES);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).creationLog().count())
                .as("timers created, each stage's warning and limit").isZero();
    }

    @Test
    void gatewaysAndStageStartsArePassThroughButWaitingStepsAreNot() {
        String latest = repository.createProcessDefinitionQuery().processDefinitionKey(CaseLifecycle.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(latest);

        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity("sourceGateway"))).isTrue();
        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity("acceptStageStart"))).isTrue();
        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity("reportReceived"))).isFalse();
        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity("acceptStage"))).isFalse();
        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity(Task.ACCEPT))).isFalse();
        assertThat(CaseHistoryLevel.isPassThrough(definition.findActivity("acceptStageDone"))).isFalse();
        assertThat(CaseHistoryLevel.isPassThrough(null)).isFalse();
    }

    /** A citizen's report, verified, handled twice (the first handling failed the check) and closed. */
    private String closedCitizenCaseWithRework() {
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(Source.CITIZEN, "E0102", "路边暴露垃圾", "东城区人民路2号",
                point[0], point[1], false, null, List.of()));
        TestCases.complete(tasks, caseNumber, Task.ACCEPT, Map.of());
        TestCases.complete(tasks, caseNumber, Task.VERIFY, Map.of(Var.VERIFIED, true));
        TestCases.complete(tasks, caseNumber, Task.REGISTER, Map.of(Var.REGISTERED, true));
        TestCases.complete(tasks, caseNumber, Task.DISPATCH, Map.of(Var.DEPARTMENT, "SANITATION-EAST"));
        TestCases.complete(tasks, caseNumber, Task.ACKNOWLEDGE, Map.of());
        for (boolean fixed : new boolean[] {false, true}) {
            TestCases.complete(tasks, caseNumber, Task.HANDLE,
                    Map.of(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理"));
            TestCases.complete(tasks, caseNumber, Task.CHECK, Map.of(Var.FIXED, fixed));
        }
        TestCases.complete(tasks, caseNumber, Task.CLOSE, Map.of());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        return caseNumber;
    }
}
