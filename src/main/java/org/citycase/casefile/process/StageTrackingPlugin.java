package org.citycase.casefile.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.CaseStatus;
import org.citycase.engine.CaseLifecycle;
import org.springframework.stereotype.Component;

/**
 * Attaches the case file's recorders to every model as it is parsed: {@link StageRecorder} to each
 * user task, and a {@link CaseEndRecorder} to each end event that names a {@code caseStatus}. They are
 * built-in listeners, so they also run when an operator modifies a case in Cockpit and skips the
 * model's own listeners.
 */
@Component
public class StageTrackingPlugin extends AbstractProcessEnginePlugin {

    private final StageRecorder stageRecorder;
    private final CaseRepository cases;

    public StageTrackingPlugin(StageRecorder stageRecorder, CaseRepository cases) {
        this.stageRecorder = stageRecorder;
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, stageRecorder);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, stageRecorder);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, stageRecorder);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, stageRecorder);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            String status = property(element, CaseLifecycle.PROPERTY_CASE_STATUS);
            if (status == null) {
                return;
            }
            CaseStatus caseStatus;
            try {
                caseStatus = CaseStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("End event '" + element.attribute("id") + "' has caseStatus '"
                        + status + "'; expected one of " + List.of(CaseStatus.values()), e);
            }
            String reasonVariable = property(element, CaseLifecycle.PROPERTY_REASON_VARIABLE);
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                    new CaseEndRecorder(cases, caseStatus, reasonVariable));
        }

        private static String property(Element element, String name) {
            Element extensions = element.element("extensionElements");
            Element properties = extensions == null ? null
                    : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (properties == null) {
                return null;
            }
            return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                    .filter(p -> name.equals(p.attribute("name")))
                    .map(p -> p.attribute("value"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
