package org.citycase.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses models that carry scripts: script tasks, script listeners, and conditions or mappings in a
 * script language. A city's models need only expressions ({@code ${...}}) and the application's own
 * beans, and a script in a model would run arbitrary code on the server for anyone who may deploy.
 * The refusal names the element, and the deployment is answered with 400.
 */
@Component
public class ScriptFreeModelsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
                refuseScripts(root);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    static void refuseScripts(Element element) {
        String tag = element.getTagName();
        boolean script = "scriptTask".equals(tag) || "script".equals(tag)
                || element.attribute("language") != null || element.attribute("scriptFormat") != null;
        if (script) {
            throw new ProcessEngineException("Scripts are not allowed in citycase models: <" + tag + "> at line "
                    + element.getLine() + "; use an expression or a delegate bean instead");
        }
        element.elements().forEach(ScriptFreeModelsPlugin::refuseScripts);
    }
}
