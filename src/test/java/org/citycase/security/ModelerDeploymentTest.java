package org.citycase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestUsers;
import org.citycase.engine.ModelFolderDeployer;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What Camunda Modeler does when a process admin deploys: a multipart POST to
 * {@code /engine-rest/deployment/create} with Modeler's fields, authenticated by HTTP Basic.
 */
@CitycaseSpringTest
class ModelerDeploymentTest {

    private static final Path MODEL = Path.of("processes/case-lifecycle.bpmn");

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IntakeService intake;
    @Autowired
    ModelFolderDeployer deployer;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity);
    }

    @AfterEach
    void restoreTheShippedModels() {
        deployer.deploy(engine, Path.of("processes"), Path.of("decisions"));
    }

    @Test
    void modelerChecksTheConnectionWithCredentials() {
        String check = "/engine-rest/deployment?maxResults=0";

        assertThat(http.getForEntity(check, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(TestUsers.ADMIN).getForEntity(check, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void deploymentWithoutCredentialsIsRefusedWith401() throws Exception {
        int version = latestVersion();

        assertThat(deploy(http, "case-lifecycle.bpmn", changedModel()).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void deploymentByANonAdminIsRefusedWith403() throws Exception {
        int version = latestVersion();

        assertThat(deploy(as(TestUsers.LEADER), "case-lifecycle.bpmn", changedModel()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void deploymentByAProcessAdminMakesANewVersion() throws Exception {
        int version = latestVersion();

        ResponseEntity<String> answer = deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", changedModel());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(latestVersion()).isEqualTo(version + 1);
        assertThat(deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", changedModel()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(latestVersion()).as("deploy-changed-only keeps the same content one version").isEqualTo(version + 1);
    }

    @Test
    void malformedXmlIsRefusedWith400AndTheParsersMessageWhileTheRunningVersionGoesOn() throws Exception {
        int version = latestVersion();
        String broken = Files.readString(MODEL).replace("</bpmn:process>", "</bpmn:proces>");

        ResponseEntity<String> answer = deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", broken);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).containsIgnoringCase("proces");
        assertThat(latestVersion()).isEqualTo(version);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(newCase()).count()).isOne();
    }

    @Test
    void invalidModelIsRefusedWith400NamingTheProblem() throws Exception {
        String invalid = Files.readString(MODEL).replace("camunda:delegateExpression=\"${dispatchDelegate}\"", "");

        ResponseEntity<String> answer = deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", invalid);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("serviceTask");
    }

    @Test
    void modelWithAScriptIsRefusedWith400() throws Exception {
        String scripted = Files.readString(MODEL).replace("<bpmn:sequenceFlow id=\"toAccept\" ",
                "<bpmn:scriptTask id=\"sneaky\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
                        + "</bpmn:scriptTask>\n    <bpmn:sequenceFlow id=\"toAccept\" ");
        int version = latestVersion();

        ResponseEntity<String> answer = deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", scripted);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("Scripts are not allowed");
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void brokenDecisionTableIsRefusedWith400() throws Exception {
        String broken = Files.readString(Path.of("decisions/dispatch-routing.dmn")).replace("</definitions>", "");
        int routing = repository.createDecisionDefinitionQuery().decisionDefinitionKey("dispatch-routing")
                .latestVersion().singleResult().getVersion();

        ResponseEntity<String> answer = deploy(as(TestUsers.ADMIN), "dispatch-routing.dmn", broken);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).isNotBlank();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("dispatch-routing")
                .latestVersion().singleResult().getVersion()).isEqualTo(routing);
    }

    @Test
    void runningCasesKeepTheirVersionUntilAnAdminMigratesThem() throws Exception {
        String caseNumber = newCase();
        ProcessInstance before = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        deploy(as(TestUsers.ADMIN), "case-lifecycle.bpmn", changedModel());
        String newDefinition = repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getId();
        assertThat(newDefinition).isNotEqualTo(before.getProcessDefinitionId());
        assertThat(definitionOf(caseNumber)).isEqualTo(before.getProcessDefinitionId());

        JsonNode plan = json.readTree(post(as(TestUsers.ADMIN), "/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", before.getProcessDefinitionId(),
                "targetProcessDefinitionId", newDefinition,
                "updateEventTriggers", true)).getBody());
        ResponseEntity<String> migrated = post(as(TestUsers.ADMIN), "/engine-rest/migration/execute", Map.of(
                "migrationPlan", plan, "processInstanceIds", List.of(before.getId())));
        ResponseEntity<String> refused = post(as(TestUsers.LEADER), "/engine-rest/migration/execute", Map.of(
                "migrationPlan", plan, "processInstanceIds", List.of(before.getId())));

        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(definitionOf(caseNumber)).isEqualTo(newDefinition);
    }

    private String definitionOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
                .getProcessDefinitionId();
    }

    /**
     * The shipped model with another name shown to users: a real change that behaves the same. The
     * revision mark differs per test so that duplicate filtering never mistakes one test's change for
     * another's.
     */
    private String changedModel() throws Exception {
        return Files.readString(MODEL).replace("name=\"城市管理案件闭环\"", "name=\"城市管理案件闭环（修订" + revision + "）\"");
    }

    private final String revision = Long.toString(System.nanoTime());

    private ResponseEntity<String> deploy(TestRestTemplate client, String fileName, String content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "case-lifecycle");
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add(fileName, new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> post(TestRestTemplate client, String path, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.password(user));
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle").latestVersion()
                .singleResult().getVersion();
    }

    private String newCase() {
        return intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "路边垃圾", "东城区人民路9号", 120.65,
                31.35, false, null, List.of()));
    }
}
