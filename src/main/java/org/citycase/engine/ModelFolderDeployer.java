package org.citycase.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and {@code decisions/} when the engine starts.
 *
 * <p>Resources are named by folder and file ({@code processes/case-lifecycle.bpmn}) whatever way the
 * application was launched, and only changed resources are deployed, so an unchanged file never makes
 * a new version and a changed file makes a new version of that model only. Forms are therefore bound
 * with {@code camunda:formRefBinding="latest"}: a form may live in an older deployment than its model.
 */
@Component
public class ModelFolderDeployer extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFolderDeployer.class);
    private static final Set<String> MODEL_SUFFIXES = Set.of(".bpmn", ".dmn", ".form");

    private final ModelProperties properties;

    public ModelFolderDeployer(ModelProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        deploy(processEngine, properties.processesDir(), properties.decisionsDir());
    }

    /**
     * Deploys the models found in the given folders, skipping resources unchanged since the last
     * deployment of the same name.
     *
     * @return the new deployment, or {@code null} when nothing changed
     * @throws IllegalStateException when a folder is missing or holds no model
     * @throws org.camunda.bpm.engine.ParseException when a model is invalid; nothing is deployed then
     */
    public DeploymentWithDefinitions deploy(ProcessEngine engine, Path... folders) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(properties.deploymentName())
                .source("citycase")
                .enableDuplicateFiltering(true);
        int count = 0;
        for (Path folder : folders) {
            for (Path file : modelFiles(folder)) {
                builder.addInputStream(resourceName(folder, file), new ByteArrayInputStream(read(file)));
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalStateException("No models found in " + List.of(folders));
        }
        long before = engine.getRepositoryService().createDeploymentQuery().count();
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        if (engine.getRepositoryService().createDeploymentQuery().count() == before) {
            LOG.info("Models unchanged: {} files in {} left as deployed", count, List.of(folders));
            return null;
        }
        LOG.info("Deployed changed models as deployment {}: {} of {} files", deployment.getId(),
                engine.getRepositoryService().getDeploymentResourceNames(deployment.getId()).size(), count);
        return deployment;
    }

    private static List<Path> modelFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Model folder " + folder.toAbsolutePath()
                    + " does not exist: set citycase.models.* or start from the project folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> MODEL_SUFFIXES.stream().anyMatch(f.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list models in " + folder, e);
        }
    }

    private static String resourceName(Path folder, Path file) {
        return folder.toAbsolutePath().normalize().getFileName() + "/" + file.getFileName();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model " + file, e);
        }
    }
}
