package org.citycase.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two citycase nodes, each its own process with its own job executor, on one PostgreSQL database:
 * cases are reported and worked through both, timers fire on whichever node acquires them, and
 * nothing happens twice.
 */
@Tag("standalone")
class TwoNodesTest {

    private static final int CASES = 12;
    private static final int TIMERS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void casesAndTimersRunThroughTwoNodesAndNothingHappensTwice() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Node first = new Node("two-nodes-a", url).start();
             Node second = new Node("two-nodes-b", url).start()) {
            List<Node> nodes = List.of(first, second);
            deployTimerProcess(first);

            List<String> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                cases.add(report(nodes.get(i % 2)));
            }
            for (int i = 0; i < TIMERS; i++) {
                HttpResponse<String> started = nodes.get(i % 2).postJson(
                        "/engine-rest/process-definition/key/two-node-timer/start", "{\"businessKey\":\"t" + i + "\"}");
                assertThat(started.statusCode()).isEqualTo(200);
            }
            String[] stages = {"accept", "register", "dispatch", "acknowledge", "handle", "check", "close"};
            for (int s = 0; s < stages.length; s++) {
                for (int i = 0; i < cases.size(); i++) {
                    completeStage(nodes.get((i + s) % 2), cases.get(i), stages[s]);
                }
            }
            awaitTimersDone(Duration.ofSeconds(60));

            try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
                assertThat(count(sql, "select count(*) from city_case where status = 'CLOSED'")).isEqualTo(CASES);
                assertThat(count(sql, "select count(*) from (select case_id from case_stage where stage = 'dispatch' "
                        + "group by case_id having count(*) > 1) twice")).as("a stage dispatched twice").isZero();
                assertThat(count(sql, "select count(*) from act_hi_actinst where act_id_ = 'recordDispatch'"))
                        .isEqualTo(CASES);
                assertThat(count(sql, "select count(*) from act_hi_actinst where act_id_ = 'waitABit'"))
                        .as("every timer fired exactly once").isEqualTo(TIMERS);
                System.out.printf("timers fired by node: %s%n", rows(sql, "select hostname_, count(*) from "
                        + "act_hi_job_log where job_state_ = 2 and process_def_key_ = 'two-node-timer' group by "
                        + "hostname_"));
            }
        }
    }

    private static void deployTimerProcess(Node node) throws Exception {
        Path bpmn = Files.createTempFile("two-node-timer", ".bpmn");
        Files.writeString(bpmn, """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://citycase.org/test">
                  <process id="two-node-timer" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="waitABit"/>
                    <intermediateCatchEvent id="waitABit">
                      <timerEventDefinition><timeDuration>PT2S</timeDuration></timerEventDefinition>
                    </intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="waitABit" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>""");
        HttpResponse<String> deployed = Multipart.deploy(node, "two-node-timer.bpmn", Files.readString(bpmn));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    private static String report(Node node) throws Exception {
        HttpResponse<String> created = node.postJson("/api/reports", """
                {"source":"SUPERVISOR","categoryCode":"E0102","description":"两个节点轮流处理",
                 "address":"东城区人民路8号","longitude":120.65,"latitude":31.35}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("caseNumber").asText();
    }

    private static void completeStage(Node node, String caseNumber, String stage) throws Exception {
        JsonNode tasks = JSON.readTree(node.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + stage).body());
        assertThat(tasks).as("%s of %s", stage, caseNumber).hasSize(1);
        Map<String, Object> variables = switch (stage) {
            case "register" -> Map.of("registered", typed(true, "Boolean"));
            case "dispatch" -> Map.of("department", typed("SANITATION-EAST", "String"));
            case "handle" -> Map.of("outcome", typed("HANDLED", "String"), "feedback", typed("已处理", "String"));
            case "check" -> Map.of("fixed", typed(true, "Boolean"));
            default -> Map.of();
        };
        HttpResponse<String> done = node.postJson("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static void awaitTimersDone(Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            while (count(sql, "select count(*) from act_ru_job where process_def_key_ = 'two-node-timer'") > 0) {
                assertThat(Instant.now()).as("timers still pending").isBefore(deadline);
                sql.execute("select pg_sleep(0.2)"); // real job executors run on real time

            }
        }
    }

    private static String rows(Statement sql, String query) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
        }
        return out.toString().trim();
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
