package org.citycase.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.citycase.citizen.CitizenTestSupport.complete;
import static org.citycase.citizen.CitizenTestSupport.report;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.citycase.CitycaseSpringTest;
import org.citycase.casefile.CaseFile;
import org.citycase.casefile.CaseRepository;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each report is placed in its unit grid, and verification and check go to the grid's supervisor, or to
 * the whole supervisors group where the grid has none. Reports 路名牌 (C0213), which no other test uses.
 */
@CitycaseSpringTest
class GridPlacementTest {

    @Autowired
    IntakeService intake;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseRepository cases;

    @BeforeEach
    void useEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void caseFileKeepsTheGridCommunityStreetAndDistrictOfTheReport() {
        String caseNumber = report(intake, Source.CITIZEN, "C0213", new double[] {120.6755, 31.3755}, null)
                .caseNumber();

        CaseFile caseFile = cases.find(caseNumber).orElseThrow();
        assertThat(caseFile.gridCode()).isEqualTo("99010100400207");
        assertThat(caseFile.communityCode()).isEqualTo("990101004002");
        assertThat(caseFile.streetCode()).isEqualTo("990101004");
        assertThat(caseFile.districtCode()).isEqualTo("990101");
    }

    @Test
    void verificationAndCheckGoToTheSupervisorOfTheGrid() {
        String caseNumber = report(intake, Source.CITIZEN, "C0213", new double[] {120.6855, 31.3855}, null)
                .caseNumber();
        ProcessInstance instance = instance(caseNumber);

        complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of());
        assertThat(task(instance)).hasDefinitionKey(CaseLifecycle.Task.VERIFY).isAssignedTo("supervisor");
        complete(tasks, caseNumber, CaseLifecycle.Task.VERIFY, Map.of(Var.VERIFIED, true));
        complete(tasks, caseNumber, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));
        complete(tasks, caseNumber, CaseLifecycle.Task.DISPATCH, Map.of(Var.DEPARTMENT, "ROADS"));
        complete(tasks, caseNumber, CaseLifecycle.Task.ACKNOWLEDGE, Map.of());
        complete(tasks, caseNumber, CaseLifecycle.Task.HANDLE, Map.of(Var.OUTCOME, CaseLifecycle.Outcome.HANDLED,
                Var.FEEDBACK, "已更换路名牌"));

        assertThat(task(instance)).hasDefinitionKey(CaseLifecycle.Task.CHECK).isAssignedTo("supervisor");
        assertThat(instance).variables().containsEntry(Var.GRID_SUPERVISOR, "supervisor");
    }

    @Test
    void verificationGoesToTheSupervisorsGroupWhereTheGridHasNoSupervisor() {
        String caseNumber = report(intake, Source.CITIZEN, "C0213", new double[] {120.6755, 31.2755}, null)
                .caseNumber();
        ProcessInstance instance = instance(caseNumber);

        complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of());

        assertThat(task(instance)).hasDefinitionKey(CaseLifecycle.Task.VERIFY).isNotAssigned()
                .hasCandidateGroup("supervisors");
        assertThat(cases.find(caseNumber).orElseThrow().streetCode()).isEqualTo("990103008");
        assertThat(instance).variables().doesNotContainKey(Var.GRID_SUPERVISOR);
    }

    private ProcessInstance instance(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }
}
