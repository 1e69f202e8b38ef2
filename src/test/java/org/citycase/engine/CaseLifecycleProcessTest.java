package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.casefile.CaseFile;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.CaseStatus;
import org.citycase.casefile.StageRecord;
import org.citycase.citizen.Geography;
import org.citycase.engine.CaseLifecycle.Element;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code case-lifecycle}, driven as its users drive it: a report through intake, each
 * stage completed with the variables its form sets. Checks the process and the case file together.
 * Reports go to fresh points in 东城区, whose exposed garbage is routed to the district's sanitation office.
 */
@CitycaseSpringTest
class CaseLifecycleProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IntakeService intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    Geography geography;

    @BeforeEach
    void useEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void supervisorReportSkipsVerificationAndRunsToClosure() {
        ProcessInstance instance = report(Source.SUPERVISOR);

        assertThat(instance).isWaitingAt(Task.ACCEPT);
        assertThat(task(instance)).hasCandidateGroup("operators");
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.REGISTER);
        assertThat(task(instance)).hasCandidateGroup("shift-leaders");
        assertThat(instance).variables().containsEntry("proposeRegistration", true)
                .containsKey("registrationCondition");
        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .disableCustomObjectDeserialization().list())
                .as("plain values only: a serialized object is read back from JSON by every later decision")
                .allSatisfy(variable -> assertThat(variable.getTypedValue().getType().isPrimitiveValueType())
                        .as(variable.getName()).isTrue());
        complete(task(instance), withVariables(Var.REGISTERED, true));
        dispatchAndHandle(instance, "SANITATION-EAST");
        checkAndClose(instance, true);

        assertThat(instance).hasPassedInOrder(Task.ACCEPT, Element.PROPOSE_REGISTRATION, Task.REGISTER,
                Element.PROPOSE_DEPARTMENT, Task.DISPATCH, Element.RECORD_DISPATCH, Task.ACKNOWLEDGE, Task.HANDLE,
                Task.CHECK, Task.CLOSE, Element.END_CLOSED);
        assertThat(instance).hasNotPassed(Task.VERIFY);
        CaseFile closed = caseOf(instance);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.departmentCode()).isEqualTo("SANITATION-EAST");
        assertThat(closed.stage()).isNull();
        assertThat(closed.endedAt()).isNotNull();
        assertThat(stages(instance)).containsExactly(Task.ACCEPT, Task.REGISTER, Task.DISPATCH, Task.ACKNOWLEDGE,
                Task.HANDLE, Task.CHECK, Task.CLOSE);
        assertThat(cases.stages(closed.caseNumber())).allSatisfy(stage -> {
            assertThat(stage.endedAt()).isNotNull();
            assertThat(stage.result()).isEqualTo("COMPLETED");
        });
    }

    @Test
    void citizenReportIsVerifiedOnSiteThenRunsToClosure() {
        ProcessInstance instance = report(Source.CITIZEN);

        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.VERIFY);
        assertGoesToTheGridSupervisor(instance);
        complete(task(instance), withVariables(Var.VERIFIED, true));
        assertThat(instance).isWaitingAt(Task.REGISTER);
        complete(task(instance), withVariables(Var.REGISTERED, true));
        dispatchAndHandle(instance, "SANITATION-EAST");
        checkAndClose(instance, true);

        assertThat(instance).hasPassedInOrder(Task.ACCEPT, Task.VERIFY, Task.REGISTER, Task.DISPATCH, Task.CLOSE);
        assertThat(caseOf(instance).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void citizenReportNotConfirmedOnSiteEndsAsInvalid() {
        ProcessInstance instance = report(Source.HOTLINE);

        complete(task(instance));
        complete(task(instance), withVariables(Var.VERIFIED, false, "verificationNote", "现场未发现垃圾"));

        assertThat(instance).isEnded().hasPassed(Element.END_INVALID).hasNotPassed(Task.REGISTER);
        CaseFile invalid = caseOf(instance);
        assertThat(invalid.status()).isEqualTo(CaseStatus.INVALID);
        assertThat(invalid.endReason()).isEqualTo("现场未发现垃圾");
    }

    @Test
    void caseNotRegisteredEndsWithTheShiftLeadersReason() {
        ProcessInstance instance = report(Source.SUPERVISOR);

        complete(task(instance));
        complete(task(instance), withVariables(Var.REGISTERED, false, Var.REJECTION_REASON, "不属于城管受理范围"));

        assertThat(instance).isEnded().hasPassed(Element.END_NOT_REGISTERED).hasNotPassed(Task.DISPATCH);
        CaseFile rejected = caseOf(instance);
        assertThat(rejected.status()).isEqualTo(CaseStatus.NOT_REGISTERED);
        assertThat(rejected.endReason()).isEqualTo("不属于城管受理范围");
    }

    @Test
    void caseReturnedOnceIsDispatchedAgainToAnotherDepartment() {
        ProcessInstance instance = registered(Source.SUPERVISOR);

        complete(task(instance), withVariables(Var.DEPARTMENT, "ROADS"));
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        assertThat(task(instance)).hasCandidateGroup("dept-roads");
        complete(task(instance));
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.RETURNED, Var.FEEDBACK, "非本部门职责，应由环卫处置"));

        assertThat(instance).isWaitingAt(Task.DISPATCH);
        assertThat(instance).variables().containsEntry(Var.FEEDBACK, "非本部门职责，应由环卫处置");
        assertThat(caseOf(instance).returnCount()).isEqualTo(1);
        complete(task(instance), withVariables(Var.DEPARTMENT, "SANITATION-EAST"));
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        assertThat(instance).variables().doesNotContainKeys(Var.OUTCOME, Var.FEEDBACK);
        assertThat(task(instance)).hasCandidateGroup("dept-sanitation-east");
        complete(task(instance));
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理完毕"));
        checkAndClose(instance, true);

        assertThat(instance).isEnded();
        CaseFile closed = caseOf(instance);
        assertThat(closed.returnCount()).isEqualTo(1);
        assertThat(closed.reworkCount()).isZero();
        assertThat(closed.departmentCode()).isEqualTo("SANITATION-EAST");
        assertThat(stages(instance)).containsSubsequence(Task.DISPATCH, Task.ACKNOWLEDGE, Task.HANDLE,
                Task.DISPATCH, Task.ACKNOWLEDGE, Task.HANDLE, Task.CHECK);
    }

    @Test
    void caseNotFixedAtTheCheckIsReworkedBySameDepartmentThenClosed() {
        ProcessInstance instance = registered(Source.SUPERVISOR);

        dispatchAndHandle(instance, "SANITATION-EAST");
        assertThat(instance).isWaitingAt(Task.CHECK);
        complete(task(instance), withVariables(Var.FIXED, false, "checkNote", "仍有垃圾残留"));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance)).hasCandidateGroup("dept-sanitation-east");
        assertThat(caseOf(instance).reworkCount()).isEqualTo(1);
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已彻底清理"));
        checkAndClose(instance, true);

        assertThat(instance).isEnded();
        assertThat(stages(instance)).containsSubsequence(Task.HANDLE, Task.CHECK, Task.HANDLE, Task.CHECK, Task.CLOSE);
        assertThat(caseOf(instance).reworkCount()).isEqualTo(1);
        assertThat(caseOf(instance).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void shiftLeaderCancelsCaseWaitingForDispatch() {
        ProcessInstance instance = registered(Source.SUPERVISOR);
        assertThat(instance).isWaitingAt(Task.DISPATCH);

        runtime.createMessageCorrelation(CaseLifecycle.MESSAGE_CANCEL)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(Var.CANCELLATION_REASON, "重复上报")
                .correlate();

        assertThat(instance).isEnded().hasPassed(Element.END_CANCELLED).hasNotPassed(Task.ACKNOWLEDGE);
        CaseFile cancelled = caseOf(instance);
        assertThat(cancelled.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(cancelled.endReason()).isEqualTo("重复上报");
        StageRecord dispatch = cases.stages(cancelled.caseNumber()).get(2);
        assertThat(dispatch.stage()).isEqualTo(Task.DISPATCH);
        assertThat(dispatch.result()).isEqualTo("CANCELLED");
        assertThat(dispatch.endedAt()).isNotNull();
    }

    @Test
    void dispatchToUnknownDepartmentIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = registered(Source.SUPERVISOR);
        String taskId = task(instance).getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        complete(task(instance), withVariables(Var.DEPARTMENT, "NO-SUCH-DEPT")))
                .hasMessageContaining("department")
                .hasMessageContaining("NO-SUCH-DEPT");

        assertThat(instance).isWaitingAt(Task.DISPATCH);
        assertThat(task(instance).getId()).isEqualTo(taskId);
        assertThat(caseOf(instance).departmentCode()).isNull();
    }

    private ProcessInstance report(Source source) {
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(source, "E0102", "路边暴露垃圾", "东城区人民路1号",
                point[0], point[1], false, null, List.of()));
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private ProcessInstance registered(Source source) {
        ProcessInstance instance = report(source);
        complete(task(instance));
        complete(task(instance), withVariables(Var.REGISTERED, true));
        assertThat(instance).isWaitingAt(Task.DISPATCH);
        return instance;
    }

    private void dispatchAndHandle(ProcessInstance instance, String department) {
        assertThat(instance).isWaitingAt(Task.DISPATCH);
        assertThat(task(instance)).hasCandidateGroup("dispatchers");
        assertThat(instance).variables().containsEntry(Var.PROPOSED_DEPARTMENT, "SANITATION-EAST");
        complete(task(instance), withVariables(Var.DEPARTMENT, department));
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.HANDLE);
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理完毕"));
    }

    private void checkAndClose(ProcessInstance instance, boolean fixed) {
        assertThat(instance).isWaitingAt(Task.CHECK);
        assertGoesToTheGridSupervisor(instance);
        complete(task(instance), withVariables(Var.FIXED, fixed));
        assertThat(instance).isWaitingAt(Task.CLOSE);
        complete(task(instance));
    }

    /** Assigned to the supervisor of the case's grid, and open to the supervisors' group as well. */
    private void assertGoesToTheGridSupervisor(ProcessInstance instance) {
        CaseFile caseFile = caseOf(instance);
        String supervisor = geography.locate(caseFile.longitude(), caseFile.latitude()).orElseThrow().gridSupervisor();
        assertThat(supervisor).isNotNull();
        assertThat(task(instance)).isAssignedTo(supervisor);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("supervisors"));
    }

    private CaseFile caseOf(ProcessInstance instance) {
        return cases.find(instance.getBusinessKey()).orElseThrow();
    }

    private List<String> stages(ProcessInstance instance) {
        return cases.stages(instance.getBusinessKey()).stream().map(StageRecord::stage).toList();
    }
}
