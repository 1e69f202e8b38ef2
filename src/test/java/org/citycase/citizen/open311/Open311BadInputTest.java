package org.citycase.citizen.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citycase.citizen.open311.Open311Client.json;
import static org.citycase.citizen.open311.Open311ConformanceTest.assertError;
import static org.citycase.citizen.open311.Open311ConformanceTest.assertJson;
import static org.citycase.citizen.open311.Open311ConformanceTest.assertXmlError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input from the public on the Open311 channel: each is answered with a clear 4xx in the spec's error
 * list, names the argument, and leaves nothing behind (no case, no process, no linked report).
 */
@CitycaseSpringTest
class Open311BadInputTest {

    private static final String INJECTION = "'; drop table city_case; --";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    private Open311Client open311;

    @BeforeEach
    void client() {
        open311 = new Open311Client(http);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("lat missing", f -> f.remove("lat"), 400, "lat was not provided"),
                bad("long missing", f -> f.remove("long"), 400, "long was not provided"),
                bad("only an address", f -> {
                    f.remove("lat");
                    f.remove("long");
                }, 400, "does not geocode address_string"),
                bad("lat not a number", set("lat", "NaN"), 400, "lat must be a decimal number"),
                bad("long infinite", set("long", "Infinity"), 400, "long must be a decimal number"),
                bad("lat in hexadecimal", set("lat", "0x1.fp4"), 400, "lat must be a decimal number"),
                bad("lat with an exponent", set("lat", "3.1e1"), 400, "lat must be a decimal number"),
                bad("lat out of range", set("lat", "-91"), 400, "lat: "),
                bad("long out of range", set("long", "181.5"), 400, "long: "),
                bad("point outside the city", f -> {
                    f.put("lat", List.of("39.9"));
                    f.put("long", List.of("116.4"));
                }, 400, "lat/long: the point (116.4, 39.9) is outside the city's service area"),
                bad("injection as lat", set("lat", INJECTION), 400, "lat must be a decimal number"),
                bad("description too long", set("description", "垃".repeat(4001)), 400, "description: "),
                bad("huge description", set("description", "x".repeat(200_000)), 400, "description: "),
                bad("script in the description", set("description", "路边垃圾" + SCRIPT), 400,
                        "description: must be plain text"),
                bad("injection in the description", set("description", INJECTION), 400,
                        "description: must be plain text"),
                bad("address too long", set("address_string", "路".repeat(301)), 400, "address_string: "),
                bad("markup in the address", set("address_string", "<img src=x onerror=alert(1)>"), 400,
                        "address_string: must be plain text"),
                bad("script as media_url", set("media_url", "javascript:alert(1)"), 400, "media_url"),
                bad("file as media_url", set("media_url", "file:///etc/passwd"), 400, "media_url"),
                bad("injection as phone", set("phone", INJECTION), 400, "phone is not a valid phone number"),
                bad("script as email", set("email", SCRIPT + "@example.org"), 400, "email is not a valid"),
                bad("overlong e-mail address", set("email", "a".repeat(90) + "@example.org"), 400,
                        "email is not a valid"),
                bad("unknown service", set("service_code", "E9999"), 404, "service_code 'E9999' was not found"),
                bad("internal service", set("service_code", "C0115"), 404, "service_code 'C0115' was not found"),
                bad("injection as service", set("service_code", INJECTION), 404, "was not found"),
                bad("script as service", set("service_code", SCRIPT), 404, "was not found"),
                bad("injection as jurisdiction", set("jurisdiction_id", "x' or '1'='1"), 404,
                        "jurisdiction_id"),
                bad("required attribute missing", set("service_code", "E0101"), 400, "attribute[STAGE] is required"),
                bad("choice not offered", f -> {
                    f.put("service_code", List.of("E0101"));
                    f.put("attribute[STAGE]", List.of("DEMOLISHED"));
                }, 400, "attribute[STAGE] has no choice 'DEMOLISHED'"),
                bad("two answers to a single choice", f -> {
                    f.put("service_code", List.of("E0101"));
                    f.put("attribute[STAGE]", List.of("BUILT", "BUILDING"));
                }, 400, "attribute[STAGE] takes one value"),
                bad("question the service does not ask", set("attribute[COLOUR]", "red"), 400,
                        "attribute[COLOUR] is not a question of service E0102"),
                bad("number answered with words", f -> {
                    f.put("service_code", List.of("E0101"));
                    f.put("attribute[STAGE]", List.of("BUILT"));
                    f.put("attribute[AREA]", List.of("很大"));
                }, 400, "attribute[AREA] must be a decimal number"),
                bad("script as a text answer", f -> {
                    f.put("service_code", List.of("E0401"));
                    f.put("attribute[TRAPPED]", List.of("NO"));
                    f.put("attribute[DETAIL]", List.of(SCRIPT));
                }, 400, "attribute[DETAIL] must be plain text"),
                bad("date and time without a zone", f -> {
                    f.put("service_code", List.of("E0301"));
                    f.put("attribute[STARTED]", List.of("2026-12-03T22:00:00"));
                }, 400, "attribute[STARTED] must be an ISO 8601 date and time with a time zone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsAnsweredWithAClear4xxNamingTheArgumentAndStoresNothing(
            String what, Consumer<Map<String, List<String>>> change, int status, String description) {
        Map<String, List<String>> form = valid();
        change.accept(form);
        long[] before = stored();

        assertError(open311.post("json", form), HttpStatus.valueOf(status), description);
        assertXmlError(open311.post("xml", form), HttpStatus.valueOf(status), description);

        assertThat(stored()).containsExactly(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "text/plain", "application/xml", "none"})
    void requestPostedInAnotherContentTypeIsRefusedWith400(String contentType) {
        long[] before = stored();

        assertError(open311.postRaw("json", "{\"api_key\":\"test-open311-key\",\"service_code\":\"E0102\"}",
                "none".equals(contentType) ? null : contentType), HttpStatus.BAD_REQUEST,
                "application/x-www-form-urlencoded");

        assertThat(stored()).containsExactly(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status=%3Cscript%3E", "start_date=%27%3B%20drop%20table%20city_case%3B%20--",
        "service_code=%27%3B%20drop%20table%20city_case%3B%20--", "end_date=2026-13-45T99:00:00Z"})
    void searchWithHostileArgumentsIsRefusedWith400(String query) {
        assertError(open311.get("requests.json?" + query), HttpStatus.BAD_REQUEST, "");
        assertThat(stored()[0]).isPositive();
    }

    @Test
    void hostileIdWithASemicolonInThePathIsRefusedBeforeItReachesOpen311() {
        ResponseEntity<byte[]> answer = open311.get("requests/%27%3B%20drop%20table%20city_case%3B%20--.json");

        assertThat(answer.getStatusCode()).as("the firewall of Spring Security").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stored()[0]).isPositive();
    }

    @Test
    void searchForAHostileIdFindsNothingAndHarmsNothing() {
        assertJson(open311.get("requests.json?service_request_id=%27%3B%20drop%20table%20city_case%3B%20--"),
                HttpStatus.OK);
        assertThat(json(open311.get("requests.json?service_request_id=%27%20or%20%271%27%3D%271"))).isEmpty();
        assertThat(stored()[0]).isPositive();
    }

    private Map<String, List<String>> valid() {
        double[] point = TestPoints.south();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("api_key", List.of(Open311Client.API_KEY));
        form.put("service_code", List.of("E0102"));
        form.put("lat", List.of(String.valueOf(point[1])));
        form.put("long", List.of(String.valueOf(point[0])));
        form.put("address_string", List.of("南湖区某路2号"));
        form.put("description", List.of("路边有垃圾"));
        form.put("email", List.of("citizen@example.org"));
        return form;
    }

    /** Cases, linked reports and process instances stored so far. */
    private long[] stored() {
        return new long[] {
            jdbc.sql("select count(*) from city_case").query(Long.class).single(),
            jdbc.sql("select count(*) from report_link").query(Long.class).single(),
            runtime.createProcessInstanceQuery().count()};
    }

    private static Arguments bad(String what, Consumer<Map<String, List<String>>> change, int status,
                                 String description) {
        return Arguments.of(what, change, status, description);
    }

    private static Consumer<Map<String, List<String>>> set(String field, String value) {
        return form -> form.put(field, List.of(value));
    }
}
