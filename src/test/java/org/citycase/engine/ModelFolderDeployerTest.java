package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.citycase.CitycaseSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Deploying the model folders: stable names, duplicate filtering, one new version per changed file. */
@CitycaseSpringTest
class ModelFolderDeployerTest {

    @Autowired
    ModelFolderDeployer deployer;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;

    @TempDir
    Path temp;

    @Test
    void startUpDeployedEveryModelUnderItsFolderAndFileName() {
        String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getDeploymentId();

        assertThat(repository.createDeploymentQuery().deploymentName("citycase-models").count()).isPositive();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getResourceName()).isEqualTo("processes/case-lifecycle.bpmn");
        assertThat(repository.getDeploymentResourceNames(deploymentId)).allMatch(name ->
                name.startsWith("processes/") || name.startsWith("decisions/"));
    }

    @Test
    void deployingUnchangedModelsMakesNoNewVersion() {
        deployer.deploy(engine, Path.of("processes"), Path.of("decisions")); // settles changes of other tests
        long deployments = repository.createDeploymentQuery().count();
        int processVersion = version("case-lifecycle");

        assertThat(deployer.deploy(engine, Path.of("processes"), Path.of("decisions"))).isNull();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(version("case-lifecycle")).isEqualTo(processVersion);
    }

    @Test
    void changedFileMakesANewVersionOfThatModelOnly() throws IOException {
        Path processes = copy("processes");
        Path decisions = copy("decisions");
        Path routing = decisions.resolve("dispatch-routing.dmn");
        Files.writeString(routing, Files.readString(routing) + "\n<!-- a comment makes it a changed file -->\n");
        int processVersion = version("case-lifecycle");
        int routingVersion = decisionVersion("dispatch-routing");
        int registrationVersion = decisionVersion("registration-condition");

        assertThat(deployer.deploy(engine, processes, decisions)).isNotNull();

        assertThat(decisionVersion("dispatch-routing")).isEqualTo(routingVersion + 1);
        assertThat(decisionVersion("registration-condition")).isEqualTo(registrationVersion);
        assertThat(version("case-lifecycle")).isEqualTo(processVersion);
        assertThat(deployer.deploy(engine, processes, decisions)).as("the same change twice").isNull();

        assertThat(deployer.deploy(engine, Path.of("processes"), Path.of("decisions"))).as("back").isNotNull();
        assertThat(decisionVersion("dispatch-routing")).isEqualTo(routingVersion + 2);
    }

    @Test
    void brokenModelIsRefusedAndNothingIsDeployed() throws IOException {
        Path processes = copy("processes");
        Path bpmn = processes.resolve("case-lifecycle.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("camunda:decisionRef=\"dispatch-routing\"", ""));
        long deployments = repository.createDeploymentQuery().count();

        assertThatThrownBy(() -> deployer.deploy(engine, processes, Path.of("decisions")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("businessRuleTask")
                .hasMessageContaining("processes/case-lifecycle.bpmn");

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void missingFolderStopsWithAMessageThatNamesIt() {
        assertThatThrownBy(() -> deployer.deploy(engine, temp.resolve("nowhere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere");
    }

    private Path copy(String folder) throws IOException {
        Path target = Files.createDirectories(temp.resolve(folder));
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private int version(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
    }

    private int decisionVersion(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
    }
}
