package org.citycase.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.RepositoryService;
import org.citycase.CitycaseApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The whole application on a real PostgreSQL server, started twice on the same database: a case runs
 * through every stage over HTTP (our API to report, the engine's REST API to complete the tasks, as
 * Tasklist does), and the second start finds the models unchanged and the case still closed.
 */
@Tag("standalone")
class PostgresLifecycleTest {

    private static final String ADMIN_PASSWORD = "postgres-test-admin-1";
    private static EmbeddedPostgres postgres;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void caseRunsThroughTheLoopOnPostgresAndSurvivesARestartWithoutNewVersions() throws Exception {
        String caseNumber;
        long deployments;
        int processVersion;
        try (ConfigurableApplicationContext app = start()) {
            RestClient http = client(app);
            caseNumber = report(http);
            completeStage(http, caseNumber, "accept", Map.of());
            completeStage(http, caseNumber, "register", Map.of("registered", bool(true)));
            completeStage(http, caseNumber, "dispatch", Map.of("department", string("SANITATION-EAST")));
            completeStage(http, caseNumber, "acknowledge", Map.of());
            completeStage(http, caseNumber, "handle", Map.of("outcome", string("HANDLED"),
                    "feedback", string("已清理")));
            completeStage(http, caseNumber, "check", Map.of("fixed", bool(true)));
            completeStage(http, caseNumber, "close", Map.of());

            JsonNode detail = json.readTree(http.get().uri("/api/cases/" + caseNumber).retrieve().body(String.class));
            assertThat(detail.at("/caseFile/status").asText()).isEqualTo("CLOSED");
            assertThat(detail.at("/timeline").findValuesAsText("stage")).containsExactly("accept", "register",
                    "dispatch", "acknowledge", "handle", "check", "close");
            RepositoryService repository = app.getBean(RepositoryService.class);
            deployments = repository.createDeploymentQuery().count();
            processVersion = repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                    .latestVersion().singleResult().getVersion();
        }

        try (ConfigurableApplicationContext restarted = start()) {
            RepositoryService repository = restarted.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                    .latestVersion().singleResult().getVersion()).isEqualTo(processVersion);
            JsonNode detail = json.readTree(client(restarted).get().uri("/api/cases/" + caseNumber).retrieve()
                    .body(String.class));
            assertThat(detail.at("/caseFile/status").asText()).isEqualTo("CLOSED");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CitycaseApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--citycase.security.admin.id=admin",
                        "--citycase.security.admin.password=" + ADMIN_PASSWORD);
    }

    private static RestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }

    private String report(RestClient http) throws IOException {
        ResponseEntity<String> created = http.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"source":"SUPERVISOR","categoryCode":"E0102","description":"人行道暴露垃圾",
                         "address":"东城区人民路8号","longitude":120.65,"latitude":31.35}""")
                .retrieve().toEntity(String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("caseNumber").asText();
    }

    /** Finds the case's open task of the stage and completes it through /engine-rest, as Tasklist does. */
    private void completeStage(RestClient http, String caseNumber, String stage, Map<String, Object> variables)
            throws IOException {
        JsonNode tasks = json.readTree(http.get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={stage}", caseNumber, stage)
                .retrieve().body(String.class));
        assertThat(tasks).as("open %s task", stage).hasSize(1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Void> done = http.method(HttpMethod.POST)
                .uri("/engine-rest/task/{id}/complete", tasks.get(0).path("id").asText())
                .headers(h -> h.addAll(headers))
                .body(json.writeValueAsString(Map.of("variables", variables)))
                .retrieve().toBodilessEntity();
        assertThat(done.getStatusCode().is2xxSuccessful()).as("complete %s", stage).isTrue();
    }

    private static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

}
