package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.citycase.casefile.CaseStatus;
import org.citycase.engine.CaseLifecycle.Element;
import org.citycase.engine.CaseLifecycle.Stage;
import org.citycase.engine.CaseLifecycle.Task;
import org.junit.jupiter.api.Test;

/** Guards the contract between {@code processes/case-lifecycle.bpmn} and the code that relies on it. */
class CaseLifecycleModelTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/case-lifecycle.bpmn"));

    @Test
    void everyElementIdTheCodeNamesIsInTheModel() throws IllegalAccessException {
        for (String id : constants(CaseLifecycle.Task.class, CaseLifecycle.Element.class)) {
            assertThat((BaseElement) model.getModelElementById(id)).as("element '%s'", id).isNotNull();
        }
        assertThat(model.getModelElementsByType(Process.class))
                .extracting(Process::getId).containsExactly(CaseLifecycle.PROCESS_KEY);
    }

    @Test
    void everyServiceTaskIsWiredToASpringBeanByDelegateExpression() {
        Collection<ServiceTask> tasks = model.getModelElementsByType(ServiceTask.class);

        assertThat(tasks).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaClass()).as("%s by class", task.getId()).isNull();
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
        });
    }

    @Test
    void everyUserTaskNamesItsGroupAndChineseName() {
        assertThat(model.getModelElementsByType(UserTask.class)).hasSize(12).allSatisfy(task -> {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getName()).as(task.getId()).matches(".*\\p{IsHan}.*");
        });
    }

    @Test
    void businessRuleTasksCallTheDecisionsInDecisionsFolder() {
        assertThat(model.getModelElementsByType(BusinessRuleTask.class))
                .extracting(BusinessRuleTask::getCamundaDecisionRef)
                .containsExactlyInAnyOrder("registration-condition", "dispatch-routing")
                .allSatisfy(ref -> assertThat(new File("decisions/" + ref + ".dmn")).exists());
    }

    @Test
    void everyEndEventOutsideTheStagesTellsTheCaseFileHowTheCaseEnded() {
        List<EndEvent> caseEnds = model.getModelElementsByType(EndEvent.class).stream()
                .filter(end -> stageOf(end) == null).toList();

        assertThat(caseEnds).hasSize(5).allSatisfy(end -> {
            List<String> statuses = properties(end, CaseLifecycle.PROPERTY_CASE_STATUS);
            assertThat(statuses).as(end.getId()).hasSize(1);
            assertThat(CaseStatus.valueOf(statuses.get(0))).isNotEqualTo(CaseStatus.OPEN);
        });
        assertThat(model.getModelElementsByType(EndEvent.class)).filteredOn(end -> stageOf(end) != null)
                .allSatisfy(end -> assertThat(properties(end, CaseLifecycle.PROPERTY_CASE_STATUS)).as(end.getId())
                        .isEmpty());
    }

    @Test
    void everyStageSetsItsClockOnEnteringAndEndsEverythingInsideWhenItsWorkIsDone() {
        assertThat(Stage.ALL).allSatisfy(stage -> {
            SubProcess scope = model.getModelElementById(Stage.scope(stage));
            assertThat(scope).as("subprocess of %s", stage).isNotNull();
            assertThat(scope.getParentElement()).as("%s at the top of the process", stage).isInstanceOf(Process.class);
            assertThat(inputParameter(scope, CaseLifecycle.Clock.STAGE)).as(stage).isEqualTo(stage);
            assertThat(scope.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
                    .list()).as("clock of %s", stage).singleElement().satisfies(listener -> {
                        assertThat(listener.getCamundaEvent()).isEqualTo("start");
                        assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${stageClock}");
                    });
            assertThat(stageOf(model.getModelElementById(stage))).as("task of %s", stage).isEqualTo(scope);
            assertThat(scope.getChildElementsByType(EndEvent.class)).as("ends of %s", stage).isNotEmpty()
                    .allSatisfy(end -> assertThat(end.getChildElementsByType(TerminateEventDefinition.class))
                            .as("%s ends its whole stage", end.getId()).hasSize(1));
        });
    }

    @Test
    void everyStageHasANonInterruptingYellowTimerAndARedTimerThatCallsTheEscalation() {
        assertThat(Stage.ALL).allSatisfy(stage -> {
            SubProcess scope = model.getModelElementById(Stage.scope(stage));
            StartEvent warning = model.getModelElementById(Stage.warningTimer(stage));
            StartEvent overdue = model.getModelElementById(Stage.overdueTimer(stage));
            assertThat(warning.getParentElement()).isEqualTo(model.getModelElementById(Stage.warningEvents(stage)));
            assertThat(overdue.getParentElement()).isEqualTo(model.getModelElementById(Stage.overdueEvents(stage)));
            assertThat(List.of(warning, overdue)).allSatisfy(timer -> {
                assertThat(timer.isInterrupting()).as(timer.getId()).isFalse();
                SubProcess events = (SubProcess) timer.getParentElement();
                assertThat(events.triggeredByEvent()).as(events.getId()).isTrue();
                assertThat(events.getParentElement()).as(events.getId()).isEqualTo(scope);
            });
            assertThat(timeDate(warning)).isEqualTo("${stageClock.warnAt(execution)}");
            assertThat(timeDate(overdue)).isEqualTo("${stageClock.dueAt(execution)}");
            ServiceTask yellow = (ServiceTask) outgoing(warning).get(0).getTarget();
            assertThat(yellow.getCamundaDelegateExpression()).isEqualTo("${stageWarning}");
            CallActivity escalation = model.getModelElementById(Stage.escalation(stage));
            assertThat(outgoing(overdue)).singleElement().satisfies(flow ->
                    assertThat(flow.getTarget()).isEqualTo(escalation));
            assertThat(escalation.getCalledElement()).isEqualTo(StageEscalation.PROCESS_KEY);
            assertThat(escalation.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
                    .anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).contains("processBusinessKey"))
                    .anySatisfy(in -> assertThat(in.getCamundaTarget()).isEqualTo(StageEscalation.Var.LEVEL));
        });
    }

    /**
     * A timer attached to a task makes the engine run the task in an execution of its own; the stages keep
     * their timers on the stage, so a stage costs one execution.
     */
    @Test
    void noTimerIsAttachedToATaskOrSubprocessOfTheLoop() {
        assertThat(model.getModelElementsByType(BoundaryEvent.class)).isEmpty();
        assertThat(model.getModelElementsByType(SubProcess.class)).allSatisfy(subProcess -> assertThat(
                subProcess.triggeredByEvent() || subProcess.getParentElement() instanceof Process)
                .as("%s is a stage or an event subprocess", subProcess.getId()).isTrue());
    }

    @Test
    void everyTaskOfAStageIsDueWhenItsStageIsAndOnlyThoseTasks() {
        assertThat(model.getModelElementsByType(UserTask.class)).allSatisfy(task -> {
            if (stageOf(task) != null) {
                assertThat(task.getCamundaDueDate()).as(task.getId()).isEqualTo("${stageClock.dueAt(execution)}");
            } else {
                assertThat(task.getCamundaDueDate()).as(task.getId()).isNull();
            }
        });
        assertThat(stageOf(model.getModelElementById(Task.RESUME))).as("a suspended case stands outside the clock")
                .isNull();
    }

    @Test
    void theFirstRequestForMoreTimeGoesToTheDispatchersAndEveryLaterOneToTheShiftLeaders() {
        SequenceFlow first = model.getModelElementById("firstRequest");
        SequenceFlow later = model.getModelElementById("laterRequest");

        assertThat(first.getConditionExpression().getTextContent()).isEqualTo("${extensionRequests == 1}");
        assertThat(((UserTask) first.getTarget()).getCamundaCandidateGroups()).isEqualTo("dispatchers");
        assertThat(later.getConditionExpression().getTextContent()).isEqualTo("${extensionRequests > 1}");
        assertThat(((UserTask) later.getTarget()).getCamundaCandidateGroups()).isEqualTo("shift-leaders");
        assertThat(first.getTarget().getId()).isEqualTo(Task.APPROVE_EXTENSION);
        assertThat(later.getTarget().getId()).isEqualTo(Task.APPROVE_EXTENSION_BY_LEADER);
    }

    @Test
    void anApprovedSuspensionLeavesTheHandlingStageForTheResumptionTask() {
        SequenceFlow suspended = model.getModelElementById(Element.FLOW_SUSPENDED);

        assertThat(suspended.getSource().getId()).isEqualTo("outcomeGateway");
        assertThat(suspended.getConditionExpression().getTextContent()).contains(CaseLifecycle.Outcome.SUSPENSION);
        assertThat(suspended.getTarget().getId()).isEqualTo(Task.RESUME);
        assertThat(((UserTask) model.getModelElementById(Task.APPROVE_SUSPENSION)).getCamundaCandidateGroups())
                .isEqualTo("shift-leaders");
    }

    @Test
    void returnAndReworkFlowsAreCountedOnTheCase() {
        assertThat(listener(CaseLifecycle.Element.FLOW_RETURNED)).isEqualTo("${caseEvents.returned(execution)}");
        assertThat(listener(CaseLifecycle.Element.FLOW_REWORK)).isEqualTo("${caseEvents.reworked(execution)}");
    }

    @Test
    void registrationGrantsTheRewardAndAMarkedDuplicateIsLinkedToItsOriginal() {
        assertThat(listener(CaseLifecycle.Element.FLOW_REGISTERED)).isEqualTo("${rewards.caseRegistered(execution)}");
        SequenceFlow marked = model.getModelElementById(CaseLifecycle.Element.FLOW_MARKED_DUPLICATE);
        assertThat(marked.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
                .singleResult().getCamundaDelegateExpression()).isEqualTo("${duplicateMarkingListener}");
        assertThat(marked.getConditionExpression().getTextContent()).contains(CaseLifecycle.Var.DUPLICATE_OF);
        assertThat(marked.getTarget().getId()).isEqualTo(CaseLifecycle.Element.END_DUPLICATE);
        SubProcess accept = model.getModelElementById(Stage.scope(CaseLifecycle.Task.ACCEPT));
        assertThat(marked.getSource()).isEqualTo(accept);
        assertThat(accept.getDefault().getTarget().getId()).as("acceptance goes on unless marked a duplicate")
                .isEqualTo("sourceGateway");
    }

    @Test
    void processKeepsHistoryForALimitedTime() {
        Process process = model.getModelElementById(CaseLifecycle.PROCESS_KEY);

        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    /** The sequence flows leaving a node (the model lists no {@code outgoing} elements). */
    private List<SequenceFlow> outgoing(FlowNode node) {
        return model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> flow.getSource() == node)
                .toList();
    }

    /** The stage subprocess an element sits in, or null outside every stage. */
    private static SubProcess stageOf(ModelElementInstance element) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null;
             parent = parent.getParentElement()) {
            if (parent instanceof SubProcess subProcess && subProcess.getId().endsWith("Stage")) {
                return subProcess;
            }
        }
        return null;
    }

    private static String inputParameter(SubProcess scope, String name) {
        return scope.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
                .getCamundaInputParameters().stream().filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
    }

    private static String timeDate(StartEvent timer) {
        return timer.getChildElementsByType(TimerEventDefinition.class).iterator().next().getTimeDate()
                .getTextContent();
    }

    private String listener(String flowId) {
        SequenceFlow flow = model.getModelElementById(flowId);
        return flow.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
                .singleResult().getCamundaExpression();
    }

    private static List<String> properties(EndEvent end, String name) {
        if (end.getExtensionElements() == null) {
            return List.of();
        }
        return end.getExtensionElements().getDomElement().getChildElements().stream()
                .flatMap(e -> e.getChildElements().stream())
                .filter(p -> name.equals(p.getAttribute("name")))
                .map(p -> p.getAttribute("value"))
                .toList();
    }

    private static List<String> constants(Class<?>... holders) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    values.add((String) field.get(null));
                }
            }
        }
        return values;
    }

}
