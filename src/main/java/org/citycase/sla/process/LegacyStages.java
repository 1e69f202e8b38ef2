package org.citycase.sla.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.citycase.engine.CaseLifecycle.Clock;

/**
 * Tells the stages of version 2 of the case model or earlier, whose timers and task due dates read the stage's
 * times from the variables {@code stageWarnAt} and {@code stageDueAt}, from those of later versions, which ask
 * {@code ${stageClock}}. Cases started before an upgrade keep running on the version they started with, so
 * their stages still need the variables. The answer is worked out once per process definition and stage.
 */
final class LegacyStages {

    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /**
     * Whether the stage subprocess an execution is starting has a timer or a task that reads a time variable.
     *
     * @param starting the stage subprocess's execution, as its start listener gets it
     */
    boolean readsTimeVariables(DelegateExecution starting) {
        String stageId = starting.getCurrentActivityId();
        return answers.computeIfAbsent(starting.getProcessDefinitionId() + '/' + stageId,
                key -> readsTimeVariables(starting.getBpmnModelInstance(), stageId));
    }

    private static boolean readsTimeVariables(BpmnModelInstance model, String stageId) {
        ModelElementInstance stage = model.getModelElementById(stageId);
        boolean timers = model.getModelElementsByType(TimerEventDefinition.class).stream()
                .filter(timer -> inside(timer, stage))
                .anyMatch(timer -> mentionsTime(timer.getTimeDate() == null ? null
                        : timer.getTimeDate().getTextContent()));
        return timers || model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> inside(task, stage))
                .anyMatch(task -> mentionsTime(task.getCamundaDueDate()));
    }

    private static boolean inside(ModelElementInstance element, ModelElementInstance stage) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null;
             parent = parent.getParentElement()) {
            if (parent.equals(stage)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsTime(String expression) {
        return expression != null
                && (expression.contains(Clock.LEGACY_WARN_AT) || expression.contains(Clock.LEGACY_DUE_AT));
    }
}
