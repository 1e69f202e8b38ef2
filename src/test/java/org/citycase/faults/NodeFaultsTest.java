package org.citycase.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node killed while reports stream in, and a database that goes away for a while. */
@Tag("standalone")
class NodeFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PLACES = new AtomicInteger();

    /** A report about 100 m from every other one, so none is taken for a duplicate of another. */
    private static String report() {
        int place = PLACES.getAndIncrement();
        return String.format(java.util.Locale.ROOT, """
                {"source":"HOTLINE","categoryCode":"E0102","description":"断电测试",
                 "address":"东城区人民路8号","longitude":%.3f,"latitude":%.3f}""",
                120.601 + (place % 90) * 0.001, 31.301 + (place / 90) * 0.001);
    }

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcceptedReportSurvivesAKillAndNoneIsStoredTwice() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Node node = new Node("killed", url).start();
            AtomicBoolean streaming = new AtomicBoolean(true);
            ExecutorService reporters = Executors.newFixedThreadPool(3);
            for (int i = 0; i < 3; i++) {
                reporters.submit(() -> stream(node, streaming, accepted));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (accepted.size() < 40 && System.nanoTime() < deadline) {
                reporters.awaitTermination(50, TimeUnit.MILLISECONDS);
            }
            assertThat(accepted).as("reports accepted before the kill").hasSizeGreaterThanOrEqualTo(40);
            node.kill();
            streaming.set(false);
            reporters.shutdown();
            assertThat(reporters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            try (Node restarted = new Node("restarted", url).start();
                 Connection db = postgres.getPostgresDatabase().getConnection();
                 Statement sql = db.createStatement()) {
                for (String caseNumber : accepted) {
                    assertThat(count(sql, "select count(*) from city_case where case_number = '" + caseNumber
                            + "' and process_instance_id is not null")).as(caseNumber).isOne();
                    assertThat(count(sql, "select count(*) from act_ru_execution where business_key_ = '"
                            + caseNumber + "' and parent_id_ is null")).as("process of %s", caseNumber).isOne();
                }
                assertThat(count(sql, "select count(*) from (select business_key_ from act_ru_execution where "
                        + "parent_id_ is null group by business_key_ having count(*) > 1) twice")).isZero();
                assertThat(count(sql, "select count(*) from city_case c where not exists (select 1 from "
                        + "act_ru_execution e where e.business_key_ = c.case_number)"))
                        .as("a case without its process").isZero();
                assertThat(restarted.postJson("/api/reports", report()).statusCode()).isEqualTo(201);
            }
        }
    }

    @Test
    void databaseOutageIsAnswered503AndTheNodeRecoversByItself() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(dataDirectory.resolve("pg"));
        EmbeddedPostgres postgres = database(port, data);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Node node = new Node("outage", url, "--spring.datasource.hikari.connection-timeout=2000").start()) {
            assertThat(node.postJson("/api/reports", report()).statusCode()).isEqualTo(201);
            long before = cases(postgres);

            postgres.close();
            HttpResponse<String> during = node.postJson("/api/reports", report());

            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(during.body()).path("message").asText()).contains("not reachable");
            postgres = database(port, data);
            assertThat(cases(postgres)).as("nothing half written").isEqualTo(before);
            HttpResponse<String> after = node.postJson("/api/reports", report());
            for (int attempt = 0; attempt < 20 && after.statusCode() != 201; attempt++) {
                after = node.postJson("/api/reports", report());
            }
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
            assertThat(cases(postgres)).isEqualTo(before + 1);
        } finally {
            postgres.close();
        }
    }

    /** A server on a fixed port and folder that keeps its data when closed, so it can come back. */
    private static EmbeddedPostgres database(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    private static void stream(Node node, AtomicBoolean streaming, Set<String> accepted) {
        while (streaming.get()) {
            try {
                HttpResponse<String> answer = node.postJson("/api/reports", report());
                if (answer.statusCode() == 201) {
                    accepted.add(JSON.readTree(answer.body()).path("caseNumber").asText());
                }
            } catch (Exception nodeGone) {
                return;
            }
        }
    }

    private static long cases(EmbeddedPostgres postgres) throws Exception {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            return count(sql, "select count(*) from city_case");
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
