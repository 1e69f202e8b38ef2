package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.StageEscalation.Element;
import org.citycase.engine.StageEscalation.Var;
import org.junit.jupiter.api.Test;

/** Guards the contract between {@code processes/stage-escalation.bpmn} and the code that relies on it. */
class StageEscalationModelTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/stage-escalation.bpmn"));

    @Test
    void everyElementTheCodeNamesIsInTheModel() {
        for (String id : new String[] {Element.DECIDE, Element.RECORD, Element.SUPERVISE, Element.NEXT_LEVEL}) {
            assertThat((BaseElement) model.getModelElementById(id)).as("element '%s'", id).isNotNull();
        }
        assertThat(model.getModelElementsByType(Process.class)).singleElement().satisfies(process -> {
            assertThat(process.getId()).isEqualTo(StageEscalation.PROCESS_KEY);
            assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
            assertThat(process.isCamundaStartableInTasklist()).isFalse();
        });
    }

    @Test
    void eachLevelIsDecidedByTheEscalationTableAndRecordedByASpringBean() {
        BusinessRuleTask decide = model.getModelElementById(Element.DECIDE);
        ServiceTask record = model.getModelElementById(Element.RECORD);

        assertThat(decide.getCamundaDecisionRef()).isEqualTo(StageEscalation.DECISION_KEY);
        assertThat(new File("decisions/" + StageEscalation.DECISION_KEY + ".dmn")).exists();
        assertThat(outputs(decide)).containsExactlyInAnyOrder(Var.NOTIFY_GROUPS, Var.SUPERVISION_GROUP,
                Var.ESCALATE_FURTHER);
        assertThat(model.getModelElementsByType(ServiceTask.class)).containsExactly(record);
        assertThat(record.getCamundaDelegateExpression()).isEqualTo("${escalationDelegate}");
    }

    @Test
    void theSupervisionTaskGoesToTheGroupTheTableNamesAndKeepsItsLevelAndStage() {
        UserTask supervise = model.getModelElementById(Element.SUPERVISE);

        assertThat(supervise.getCamundaCandidateGroups()).isEqualTo("${" + Var.SUPERVISION_GROUP + "}");
        assertThat(supervise.getName()).isEqualTo("督办");
        assertThat(supervise.getCamundaFormRef()).isEqualTo("supervise-form");
        assertThat(supervise.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class)
                .singleResult().getCamundaInputParameters())
                .extracting(CamundaInputParameter::getCamundaName, CamundaInputParameter::getTextContent)
                .containsExactly(tuple(Var.SUPERVISION_LEVEL, "${" + Var.LEVEL + "}"),
                        tuple(Clock.STAGE_NAME, "${escalationClock.stageName(execution)}"));
    }

    @Test
    void theNextLevelWaitsForTheStagesLiveClockAndRaisesTheLevel() {
        IntermediateCatchEvent next = model.getModelElementById(Element.NEXT_LEVEL);

        assertThat(next.getChildElementsByType(TimerEventDefinition.class)).singleElement()
                .satisfies(timer -> assertThat(timer.getTimeDate().getTextContent())
                        .isEqualTo("${escalationClock.nextLevelAt(execution)}"));
        assertThat(outputs(next)).containsExactly(Var.LEVEL);
        assertThat(outgoing(next)).singleElement().satisfies(flow ->
                assertThat(outgoing(flow.getTarget())).singleElement().satisfies(toDecision ->
                        assertThat(toDecision.getTarget().getId()).isEqualTo(Element.DECIDE)));
    }

    /** The sequence flows leaving a node (the model lists no {@code outgoing} elements). */
    private List<SequenceFlow> outgoing(FlowNode node) {
        return model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> flow.getSource() == node)
                .toList();
    }

    private static List<String> outputs(FlowNode node) {
        return node.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
                .getCamundaOutputParameters().stream().map(CamundaOutputParameter::getCamundaName).toList();
    }
}
