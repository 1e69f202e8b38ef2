package org.citycase.engine;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from. Relative folders resolve against the working directory, so an
 * installation keeps its models beside the jar and changes them without a rebuild.
 *
 * @param processesDir   BPMN models and Camunda Forms
 * @param decisionsDir   DMN tables
 * @param deploymentName name of the deployment; duplicate filtering compares against the previous
 *                       deployment of this name
 */
@ConfigurationProperties("citycase.models")
public record ModelProperties(@DefaultValue("processes") Path processesDir,
                             @DefaultValue("decisions") Path decisionsDir,
                             @DefaultValue("citycase-models") String deploymentName) {
}
