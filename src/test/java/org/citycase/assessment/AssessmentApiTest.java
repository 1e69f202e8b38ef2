package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/assessments} over HTTP: who may read and enter what (both ways), JSON with not-applicable values
 * as null, CSV for spreadsheets, and 400 answers that name the bad field. Reads May 2025 of {@link MayFixture};
 * enters manual scores only for December 2024, which no other test reads.
 */
@CitycaseSpringTest
class AssessmentApiTest {

    private static final String MAY = "/api/assessments/2025-05";
    private static final String MANUAL = "/api/assessments/2024-12/districts/990103/manual-scores";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void fixtureAndUsers() {
        MayFixture.ensure(jdbc);
        TestUsers.ensure(identity);
        Chief.ensure(identity);
    }

    @Test
    void leadersShiftLeadersAndProcessAdminsReadRankingsAndNobodyElseDoes() {
        assertThat(http.getForEntity(MAY, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(TestUsers.OPERATOR).getForEntity(MAY, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(TestUsers.ROADS).getForEntity(MAY + ".csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(TestUsers.DISPATCHER).getForEntity("/api/assessments/deposits/2025", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(chief().getForEntity(MAY, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(TestUsers.LEADER).getForEntity(MAY + "?level=dispatcher", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(TestUsers.ADMIN).getForEntity("/api/assessments/deposits/2025", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyProcessAdminsEnterManualScores() {
        String body = "{\"specialScore\": 88.5, \"onSiteScore\": 91}";

        assertThat(put(http, MANUAL, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(put(chief(), MANUAL, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(as(TestUsers.LEADER), MANUAL, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> entered = put(as(TestUsers.ADMIN), MANUAL, body);

        assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = read(chief().getForObject(MANUAL, String.class));
        assertThat(read.path("specialScore").decimalValue()).isEqualByComparingTo("88.5");
        assertThat(read.path("onSiteScore").decimalValue()).isEqualByComparingTo("91");
        assertThat(read.path("enteredBy").asText()).isEqualTo(TestUsers.ADMIN);
    }

    @Test
    void theJsonAnswerListsColumnsWeightsAndUnitsWithNotApplicableAsNull() {
        JsonNode may = read(chief().getForObject(MAY + "?level=department", String.class));

        assertThat(may.path("level").asText()).isEqualTo("department");
        assertThat(may.path("levelName").asText()).isEqualTo("专业部门");
        assertThat(may.path("from").asText()).isEqualTo("2025-05-01T00:00:00+08:00");
        assertThat(may.path("to").asText()).isEqualTo("2025-06-01T00:00:00+08:00");
        assertThat(may.path("indicators").findValuesAsText("name")).contains("应处置数", "按期处置率");
        assertThat(may.path("weights")).hasSize(5);
        JsonNode first = may.path("units").get(0);
        assertThat(first.path("code").asText()).isEqualTo("ROADS");
        assertThat(first.path("name").asText()).isEqualTo("示范市市政道路管理处");
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("grade").asText()).isEqualTo("A");
        JsonNode greening = unit(may, "GREENING");
        assertThat(greening.path("indicators").has("handlingRate")).isTrue();
        assertThat(greening.path("indicators").path("handlingRate").isNull()).isTrue();
        assertThat(greening.path("score").isNull()).isTrue();
        assertThat(greening.path("rank").isNull()).isTrue();
        assertThat(unit(may, "SANITATION-EAST").path("indicators").path("onTimeHandlingRate").decimalValue())
                .isEqualByComparingTo("62.50");
    }

    @Test
    void aRangeOfDaysIsAssessedLikeAMonth() {
        JsonNode range = read(chief().getForObject("/api/assessments?level=department&from=2025-05-01&to=2025-06-30",
                String.class));

        assertThat(range.path("period").asText()).isEqualTo("2025-05-01..2025-06-30");
        assertThat(unit(range, "SANITATION-EAST").path("indicators").path("handled").asLong()).isEqualTo(7);
    }

    @Test
    void csvOpensInExcelWithChineseHeadingsAndEmptyCellsForNotApplicable() {
        ResponseEntity<byte[]> bySuffix = chief().getForEntity(MAY + ".csv?level=street", byte[].class);
        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<byte[]> byAccept = chief().exchange(MAY + "?level=street", HttpMethod.GET,
                new HttpEntity<>(accept), byte[].class);

        assertThat(bySuffix.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bySuffix.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(bySuffix.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("assessment-street-2025-05.csv");
        byte[] bytes = bySuffix.getBody();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("排名,代码,名称,上报数,立案数").contains("结案率(%)").endsWith("得分,等级");
        assertThat(lines[1]).startsWith("1,990102001,文昌街道,5,4,").endsWith(",70.00,C");
        assertThat(lines[2]).startsWith("2,990101001,公园街道,10,9,").contains(",71.43,57.14,11.11,")
                .endsWith(",69.21,C");
        assertThat(lines[3]).startsWith("3,990101004,人民街道,").endsWith(",40.00,D");
        assertThat(lines[4]).as("a street without cases").startsWith(",990101002,建设街道,0,0,0,0,0,0,0,0,,,,,");
        assertThat(lines).hasSize(17);
        assertThat(byAccept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAccept.getBody()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/assessments/2025-13                                       | period
            /api/assessments/May                                           | period
            /api/assessments/2025-05?level=mayor                           | level
            /api/assessments?from=2025-05-01                               | to
            /api/assessments?from=2025-5-1&to=2025-05-31                   | from
            /api/assessments?from=2025-05-31&to=2025-05-01                 | to
            /api/assessments?from=2024-01-01&to=2025-01-01                 | to
            /api/assessments/deposits/25                                   | year
            """)
    void badQueriesAnswer400NamingTheField(String path, String field) {
        ResponseEntity<String> answer = chief().getForEntity(path, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(answer.getBody()).path("errors").findValuesAsText("field")).contains(field);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"specialScore": 101}                        | specialScore
            {"specialScore": 80, "onSiteScore": -1}      | onSiteScore
            {"onSiteScore": 80.125}                      | onSiteScore
            {"specialScore": "good"}                     | specialScore
            {}                                           | specialScore
            """)
    void badManualScoresAnswer400NamingTheFieldAndStoreNothing(String body, String field) {
        ResponseEntity<String> answer = put(as(TestUsers.ADMIN),
                "/api/assessments/2024-11/districts/990103/manual-scores", body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(answer.getBody()).path("errors").findValuesAsText("field")).contains(field);
        assertThat(as(TestUsers.ADMIN).getForEntity("/api/assessments/2024-11/districts/990103/manual-scores",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void manualScoresNeedAKnownDistrictAndAMonthThatHasBegun() {
        String body = "{\"specialScore\": 80}";

        assertThat(put(as(TestUsers.ADMIN), "/api/assessments/2024-12/districts/999999/manual-scores", body)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> future = put(as(TestUsers.ADMIN),
                "/api/assessments/2999-01/districts/990101/manual-scores", body);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(future.getBody()).path("errors").findValuesAsText("field")).contains("period");
    }

    @Test
    void theLeadersPageIsServedWithoutALoginButHoldsNoData() {
        ResponseEntity<String> page = http.getForEntity("/leaders/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("月度考核排名", "领导登录").doesNotContain("示范市市政道路管理处");
        assertThat(http.getForEntity("/leaders/leaders.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.password(user));
    }

    private TestRestTemplate chief() {
        return http.withBasicAuth(Chief.ID, Chief.PASSWORD);
    }

    private static ResponseEntity<String> put(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static JsonNode unit(JsonNode assessment, String code) {
        for (JsonNode unit : assessment.path("units")) {
            if (unit.path("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }
}
