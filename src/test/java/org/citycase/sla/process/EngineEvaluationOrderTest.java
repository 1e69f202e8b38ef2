package org.citycase.sla.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.citycase.CitycaseSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Records in which order the engine evaluates what a stage's time limit is made of, when a user task or an
 * embedded subprocess starts: input mappings, execution start listeners, the due date of a boundary timer,
 * the task's due date and the task's create listeners. Found: input mappings, then the boundary timers, then
 * the start listeners, then the task's due date and create listeners. A start listener therefore comes too late
 * for timers on its own activity; the stage subprocesses of {@code case-lifecycle} set the clock in a start
 * listener on the stage's scope, before the task inside it and that task's timers read it.
 */
@CitycaseSpringTest
class EngineEvaluationOrderTest {

    private static final String PROCESS = "evaluation-order-probe";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    /** What the probe saw, in order; the engine runs a start synchronously on the test's thread. */
    private static final List<String> ORDER = new ArrayList<>();

    private String deploymentId;

    @AfterEach
    void removeTheProbeModel() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void onAUserTaskInputMappingsComeFirstThenBoundaryTimersThenStartListenersThenTheTaskItself() {
        List<String> order = run(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work")
                .camundaInputParameter("mapped", "${probe.note('input mapping')}")
                .camundaExecutionListenerExpression("start", "${probe.note('start listener')}")
                .camundaDueDate("${probe.due('task due date')}")
                .camundaTaskListenerExpression("create", "${probe.note('create listener')}")
                .boundaryEvent("timer").cancelActivity(false).timerWithDate("${probe.due('boundary timer')}")
                .endEvent()
                .moveToActivity("work").endEvent()
                .done());

        assertThat(order).containsExactly("input mapping", "boundary timer", "start listener", "task due date",
                "create listener");
    }

    @Test
    void aSubprocessStartListenerRunsBeforeTheTimersAndTheDueDateOfTheTaskInside() {
        List<String> order = run(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .subProcess("stage")
                .camundaInputParameter("mapped", "${probe.note('input mapping')}")
                .camundaExecutionListenerExpression("start", "${probe.note('start listener')}")
                .embeddedSubProcess().startEvent()
                .userTask("work")
                .camundaDueDate("${probe.due('task due date')}")
                .camundaTaskListenerExpression("create", "${probe.note('create listener')}")
                .boundaryEvent("innerTimer").cancelActivity(false).timerWithDate("${probe.due('inner timer')}")
                .endEvent()
                .moveToActivity("work").endEvent()
                .subProcessDone()
                .boundaryEvent("timer").cancelActivity(false).timerWithDate("${probe.due('boundary timer')}")
                .endEvent()
                .moveToActivity("stage").endEvent()
                .done());

        assertThat(order).containsExactly("input mapping", "boundary timer", "start listener", "inner timer",
                "task due date", "create listener");
    }

    private List<String> run(BpmnModelInstance model) {
        deploymentId = repository.createDeployment().name("probe").addModelInstance(PROCESS + ".bpmn", model)
                .deploy().getId();
        ORDER.clear();
        runtime.startProcessInstanceByKey(PROCESS,
                Variables.createVariables().putValueTyped("probe", Variables.objectValue(new Probe(), true).create()));
        return List.copyOf(ORDER);
    }

    /**
     * Notes each evaluation in {@link #ORDER}; handed to the engine as a transient variable, which the engine
     * still turns into JSON once, hence the getter.
     */
    public static final class Probe {

        public String getName() {
            return "probe";
        }

        public String note(String what) {
            ORDER.add(what);
            return what;
        }

        public Date due(String what) {
            ORDER.add(what);
            return new Date(System.currentTimeMillis() + 3_600_000);
        }
    }
}
