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
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.citycase.casefile.CaseStatus;
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
        assertThat(model.getModelElementsByType(UserTask.class)).hasSize(8).allSatisfy(task -> {
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
    void everyEndEventTellsTheCaseFileHowTheCaseEnded() {
        assertThat(model.getModelElementsByType(EndEvent.class)).hasSize(5).allSatisfy(end -> {
            List<String> statuses = properties(end, CaseLifecycle.PROPERTY_CASE_STATUS);
            assertThat(statuses).as(end.getId()).hasSize(1);
            assertThat(CaseStatus.valueOf(statuses.get(0))).isNotEqualTo(CaseStatus.OPEN);
        });
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
        UserTask accept = model.getModelElementById(CaseLifecycle.Task.ACCEPT);
        assertThat(accept.getDefault().getTarget().getId()).as("acceptance goes on unless marked a duplicate")
                .isEqualTo("sourceGateway");
    }

    @Test
    void processKeepsHistoryForALimitedTime() {
        Process process = model.getModelElementById(CaseLifecycle.PROCESS_KEY);

        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
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
