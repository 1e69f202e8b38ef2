package org.citycase.citizen.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citycase.citizen.open311.Open311Client.count;
import static org.citycase.citizen.open311.Open311Client.json;
import static org.citycase.citizen.open311.Open311Client.text;
import static org.citycase.citizen.open311.Open311Client.xml;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.casefile.CaseRepository;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Category;
import org.citycase.citizen.CitizenTestSupport;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.engine.CaseProcesses;
import org.citycase.intake.IntakeService;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * Conformance of {@code /open311/v2} to Open311 GeoReport v2, written from the specification: every
 * resource in JSON and XML with the spec's field names and types, dates in ISO 8601 with an offset, the
 * error list with codes 400, 403 and 404, API keys, the 90-day window and the limit of 1000 requests,
 * and no personal data in what anyone may read.
 */
@CitycaseSpringTest
class Open311ConformanceTest {

    private static final String ISO_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate http;
    @Autowired
    Catalogue catalogue;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseProcesses processes;
    @Autowired
    IntakeService intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    private Open311Client open311;

    @BeforeEach
    void client() {
        open311 = new Open311Client(http);
    }

    // ---- service discovery

    @Test
    void discoveryNamesTheGeoReportEndpointAndItsFormatsInJson() {
        ResponseEntity<byte[]> answer = open311.get("discovery.json");
        JsonNode discovery = json(answer);

        assertJson(answer, HttpStatus.OK);
        assertThat(discovery.path("changeset").asText()).matches(ISO_WITH_OFFSET);
        assertThat(discovery.path("contact").asText()).isNotBlank();
        assertThat(discovery.path("key_service").asText()).isNotBlank();
        JsonNode endpoint = discovery.path("endpoints").get(0);
        assertThat(endpoint.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.path("url").asText()).matches("https?://.+/open311/v2");
        assertThat(endpoint.path("type").asText()).isEqualTo("production");
        assertThat(endpoint.path("changeset").asText()).matches(ISO_WITH_OFFSET);
        assertThat(endpoint.path("formats").isArray()).isTrue();
        assertThat(texts(endpoint.path("formats"))).containsExactlyInAnyOrder("text/xml", "application/json");
    }

    @Test
    void discoveryInXmlStartsWithTheDeclarationAndHoldsTheSameDocument() {
        ResponseEntity<byte[]> answer = open311.get("discovery.xml");
        Document discovery = xml(answer);

        assertXml(answer, HttpStatus.OK);
        assertThat(text(discovery, "/discovery/changeset")).matches(ISO_WITH_OFFSET);
        assertThat(text(discovery, "/discovery/key_service")).isNotBlank();
        assertThat(text(discovery, "/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(discovery, "/discovery/endpoints/endpoint/url")).endsWith("/open311/v2");
        assertThat(count(discovery, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
        assertThat(text(discovery, "/discovery/endpoints/endpoint/formats/format[1]")).isEqualTo("text/xml");
    }

    // ---- services

    @Test
    void serviceListHoldsEveryCategoryOpenToThePublicWithTheSpecsFieldsInJson() {
        ResponseEntity<byte[]> answer = open311.get("services.json");
        JsonNode services = json(answer);

        assertJson(answer, HttpStatus.OK);
        List<String> publicCodes = catalogue.categories().stream().filter(Category::publicReport)
                .map(Category::code).toList();
        assertThat(services.isArray()).isTrue();
        assertThat(services.findValuesAsText("service_code")).containsExactlyElementsOf(publicCodes)
                .doesNotContain("C0115", "E0406");
        for (JsonNode service : services) {
            assertThat(service.path("service_code").isTextual()).isTrue();
            assertThat(service.path("service_name").asText()).matches(".*\\p{IsHan}.*");
            assertThat(service.path("description").asText()).isNotBlank();
            assertThat(service.path("metadata").isBoolean()).isTrue();
            assertThat(service.path("type").asText()).isEqualTo("realtime");
            assertThat(service.path("keywords").asText()).contains(service.path("service_name").asText());
            assertThat(service.path("group").asText()).matches("(部件|事件)/.+");
        }
        JsonNode illegal = byCode(services, "E0101");
        assertThat(illegal.path("metadata").asBoolean()).isTrue();
        assertThat(illegal.path("service_name").asText()).isEqualTo("私搭乱建");
        assertThat(illegal.path("group").asText()).isEqualTo("事件/市容环境");
        assertThat(illegal.path("keywords").asText()).contains("违建");
        assertThat(byCode(services, "C0101").path("metadata").asBoolean()).isFalse();
    }

    @Test
    void serviceListInXmlHasOneServiceElementPerService() {
        ResponseEntity<byte[]> answer = open311.get("services.xml");
        Document services = xml(answer);

        assertXml(answer, HttpStatus.OK);
        assertThat(count(services, "/services/service")).isEqualTo(json(open311.get("services.json")).size());
        assertThat(text(services, "/services/service[service_code='E0101']/metadata")).isEqualTo("true");
        assertThat(text(services, "/services/service[service_code='C0101']/metadata")).isEqualTo("false");
        assertThat(text(services, "/services/service[service_code='E0101']/type")).isEqualTo("realtime");
        assertThat(text(services, "/services/service[service_code='E0101']/service_name")).isEqualTo("私搭乱建");
    }

    @Test
    void serviceDefinitionListsTheAttributesWithTheirValuesInJson() {
        ResponseEntity<byte[]> answer = open311.get("services/E0101.json");
        JsonNode definition = json(answer);

        assertJson(answer, HttpStatus.OK);
        assertThat(definition.path("service_code").asText()).isEqualTo("E0101");
        JsonNode stage = definition.path("attributes").get(0);
        assertThat(stage.path("variable").isBoolean()).isTrue();
        assertThat(stage.path("variable").asBoolean()).isTrue();
        assertThat(stage.path("code").asText()).isEqualTo("STAGE");
        assertThat(stage.path("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(stage.path("required").asBoolean()).isTrue();
        assertThat(stage.path("order").isInt()).isTrue();
        assertThat(stage.path("description").asText()).isNotBlank();
        assertThat(stage.path("values").findValuesAsText("key")).containsExactly("BUILDING", "BUILT");
        assertThat(stage.path("values").findValuesAsText("name")).containsExactly("正在施工", "已建成");
        JsonNode area = definition.path("attributes").get(1);
        assertThat(area.path("datatype").asText()).isEqualTo("number");
        assertThat(area.path("required").asBoolean()).isFalse();
        assertThat(area.path("datatype_description").asText()).isNotBlank();
        assertThat(area.has("values")).isFalse();
        assertThat(json(open311.get("services/C0101.json")).path("attributes")).isEmpty();
    }

    @Test
    void serviceDefinitionInXmlNestsAttributesAndValues() {
        ResponseEntity<byte[]> answer = open311.get("services/E0101.xml");
        Document definition = xml(answer);

        assertXml(answer, HttpStatus.OK);
        assertThat(text(definition, "/service_definition/service_code")).isEqualTo("E0101");
        assertThat(count(definition, "/service_definition/attributes/attribute")).isEqualTo(2);
        assertThat(text(definition, "/service_definition/attributes/attribute[code='STAGE']/required"))
                .isEqualTo("true");
        assertThat(count(definition, "/service_definition/attributes/attribute[code='STAGE']/values/value/key"))
                .isEqualTo(2);
        assertThat(text(definition, "//attribute[code='STAGE']/values/value[key='BUILT']/name")).isEqualTo("已建成");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"E9999", "C0115", "e0101"})
    void unknownOrInternalServiceAnswers404InBothFormats(String code) {
        ResponseEntity<byte[]> inJson = open311.get("services/" + code + ".json");
        ResponseEntity<byte[]> inXml = open311.get("services/" + code + ".xml");

        assertError(inJson, HttpStatus.NOT_FOUND, "service_code");
        assertXmlError(inXml, HttpStatus.NOT_FOUND, "service_code");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"services.csv", "services/E0101.yaml", "requests.html", "discovery.txt"})
    void unsupportedFormatAnswers400InXml(String path) {
        assertXmlError(open311.get(path), HttpStatus.BAD_REQUEST, "format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"services.json", "services/E0101.json", "requests.json", "requests/2001030100001.json"})
    void otherJurisdictionAnswers404AndOurOwnIsServed(String path) {
        assertError(open311.get(path + "?jurisdiction_id=elsewhere.example"), HttpStatus.NOT_FOUND, "jurisdiction_id");
        assertThat(open311.get(path + "?jurisdiction_id=shifanshi.citycase").getStatusCode())
                .isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
        assertThat(open311.get("services.json?jurisdiction_id=shifanshi.citycase").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // ---- POST requests

    @Test
    void postedRequestBecomesACitizensCaseAndAnswers201WithItsIdInJson() {
        double[] point = TestPoints.south();
        String contact = CitizenTestSupport.freshContact();
        Map<String, List<String>> form = request("E0101", point);
        form.put("phone", List.of(contact));
        form.put("first_name", List.of("小明"));
        form.put("attribute[STAGE]", List.of("BUILDING"));
        form.put("attribute[AREA]", List.of("12.5"));
        form.put("media_url", List.of("https://img.example/open311/1.jpg"));

        ResponseEntity<byte[]> answer = open311.post("json", form);

        assertJson(answer, HttpStatus.CREATED);
        JsonNode posted = json(answer);
        assertThat(posted.isArray()).isTrue();
        assertThat(posted).hasSize(1);
        String id = posted.get(0).path("service_request_id").asText();
        assertThat(posted.get(0).path("service_request_id").isTextual()).isTrue();
        assertThat(posted.get(0).path("service_notice").asText()).contains(id);
        assertThat(posted.get(0).has("token")).isFalse();
        Map<String, Object> row = jdbc.sql("""
                        select source, category_code, description, reporter_contact, grid_code, process_instance_id
                        from city_case where case_number = ?""").param(id).query().singleRow();
        assertThat(row.get("source")).isEqualTo("CITIZEN");
        assertThat(row.get("category_code")).isEqualTo("E0101");
        assertThat(row.get("reporter_contact")).isEqualTo(contact);
        assertThat((String) row.get("grid_code")).startsWith("990103");
        assertThat(row.get("process_instance_id")).isNotNull();
        assertThat((String) row.get("description")).contains("违建现在处于什么状态：正在施工")
                .contains("违建面积大约多少平方米：12.5");
        assertThat(cases.find(id).orElseThrow().photoUrls()).containsExactly("https://img.example/open311/1.jpg");
    }

    @Test
    void postedRequestAnswersInXml() {
        ResponseEntity<byte[]> answer = open311.post("xml", request("E0102", TestPoints.south()));
        Document posted = xml(answer);

        assertXml(answer, HttpStatus.CREATED);
        assertThat(text(posted, "/service_requests/request/service_request_id")).matches("\\d{13}");
        assertThat(text(posted, "/service_requests/request/service_notice")).isNotBlank();
    }

    @Test
    void postWithoutDescriptionOrAddressGetsThemFromTheServiceAndTheGrid() {
        Map<String, List<String>> form = request("E0102", new double[] {120.6845, 31.3845});
        form.remove("description");
        form.remove("address_string");

        String id = json(open311.post("json", form)).get(0).path("service_request_id").asText();

        assertThat(cases.find(id).orElseThrow().description()).isEqualTo("暴露垃圾（上报人未填写描述）");
        assertThat(cases.find(id).orElseThrow().address()).isEqualTo("东城区人民街道人民东北社区第02网格附近");
    }

    @Test
    void multipleChoicesOfAMultivaluelistAreKept() {
        Map<String, List<String>> form = request("E0102", TestPoints.south());
        form.put("attribute[KIND][]", List.of("HOUSEHOLD", "BULKY"));

        String id = json(open311.post("json", form)).get(0).path("service_request_id").asText();

        assertThat(cases.find(id).orElseThrow().description()).endsWith("【补充信息】是哪类垃圾（可多选）：生活垃圾、大件垃圾");
    }

    @Test
    void postOfAProblemAlreadyReportedAnswers200WithTheOpenRequestsId() {
        double[] point = TestPoints.south();
        String first = json(open311.post("json", request("E0102", point))).get(0).path("service_request_id")
                .asText();
        long casesBefore = rows("city_case");

        ResponseEntity<byte[]> again = open311.post("json", request("E0102", point));

        assertJson(again, HttpStatus.OK);
        assertThat(json(again).get(0).path("service_request_id").asText()).isEqualTo(first);
        assertThat(json(again).get(0).path("service_notice").asText()).contains("并入");
        assertThat(rows("city_case")).isEqualTo(casesBefore);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(textBlock = """
            missing, json
            missing, xml
            wrong,   json
            wrong,   xml
            blank,   json
            """)
    void postWithoutAValidApiKeyAnswers403AndStoresNothing(String key, String format) {
        Map<String, List<String>> form = request("E0102", TestPoints.south());
        switch (key) {
            case "missing" -> form.remove("api_key");
            case "wrong" -> form.put("api_key", List.of("test-open311-kez"));
            default -> form.put("api_key", List.of(" "));
        }
        long casesBefore = rows("city_case");

        ResponseEntity<byte[]> answer = open311.post(format, form);

        if ("json".equals(format)) {
            assertError(answer, HttpStatus.FORBIDDEN, "api_key");
        } else {
            assertXmlError(answer, HttpStatus.FORBIDDEN, "api_key");
        }
        assertThat(rows("city_case")).isEqualTo(casesBefore);
    }

    @Test
    void postForAnUnknownServiceAnswers404AndWithoutServiceCode400() {
        Map<String, List<String>> unknown = request("E9999", TestPoints.south());
        Map<String, List<String>> missing = request("E0102", TestPoints.south());
        missing.remove("service_code");

        assertError(open311.post("json", unknown), HttpStatus.NOT_FOUND, "service_code");
        assertXmlError(open311.post("xml", missing), HttpStatus.BAD_REQUEST, "service_code was not provided");
    }

    // ---- GET requests

    @Test
    void requestsHoldTheSpecsFieldsWithTheirTypesAndNoPersonalData() {
        String contact = CitizenTestSupport.freshContact();
        Map<String, List<String>> form = request("E0102", TestPoints.south());
        form.put("email", List.of("wang." + contact + "@example.org"));
        form.put("first_name", List.of("王"));
        form.put("last_name", List.of("小明"));
        form.put("device_id", List.of("device-" + contact));
        form.put("account_id", List.of("account-" + contact));
        form.put("media_url", List.of("https://img.example/open311/2.jpg"));
        String id = json(open311.post("json", form)).get(0).path("service_request_id").asText();

        ResponseEntity<byte[]> answer = open311.get("requests.json?service_request_id=" + id);
        JsonNode request = json(answer).get(0);

        assertJson(answer, HttpStatus.OK);
        assertThat(request.path("service_request_id").asText()).isEqualTo(id);
        assertThat(request.path("status").asText()).isEqualTo("open");
        assertThat(request.path("status_notes").asText()).contains("受理");
        assertThat(request.path("service_name").asText()).isEqualTo("暴露垃圾");
        assertThat(request.path("service_code").asText()).isEqualTo("E0102");
        assertThat(request.path("description").asText()).isEqualTo("路边有一堆垃圾");
        assertThat(request.path("service_notice").asText()).startsWith("处置时限");
        assertThat(request.path("lat").isNumber()).isTrue();
        assertThat(request.path("long").isNumber()).isTrue();
        assertThat(request.path("lat").asDouble()).isEqualTo(Double.parseDouble(form.get("lat").get(0)));
        assertThat(request.path("long").asDouble()).isEqualTo(Double.parseDouble(form.get("long").get(0)));
        assertThat(request.path("address").asText()).isEqualTo("南湖区某路1号");
        assertThat(request.path("media_url").asText()).isEqualTo("https://img.example/open311/2.jpg");
        assertThat(request.has("agency_responsible")).as("not dispatched yet").isFalse();
        assertThat(request.has("expected_datetime")).as("no handling due time yet").isFalse();
        Instant reportedAt = cases.find(id).orElseThrow().reportedAt().toInstant().truncatedTo(ChronoUnit.SECONDS);
        assertThat(request.path("requested_datetime").asText()).matches(ISO_WITH_OFFSET).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(request.path("requested_datetime").asText()).toInstant())
                .isEqualTo(reportedAt);
        assertThat(request.path("updated_datetime").asText()).matches(ISO_WITH_OFFSET);
        assertThat(List.copyOf(fieldNames(request))).doesNotContain("email", "phone", "first_name", "last_name",
                "device_id", "account_id");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).doesNotContain(contact, "王", "小明");
    }

    @Test
    void requestsInXmlHoldTheSameRequestsAsInJson() {
        String first = postedId("E0102");
        String second = postedId("C0101");

        ResponseEntity<byte[]> answer = open311.get("requests.xml?service_request_id=" + first + "," + second);
        Document requests = xml(answer);

        assertXml(answer, HttpStatus.OK);
        assertThat(count(requests, "/service_requests/request")).isEqualTo(2);
        assertThat(text(requests, "/service_requests/request[service_request_id='" + first + "']/status"))
                .isEqualTo("open");
        assertThat(text(requests, "/service_requests/request[service_request_id='" + second + "']/service_code"))
                .isEqualTo("C0101");
        assertThat(text(requests, "/service_requests/request[1]/requested_datetime")).matches(ISO_WITH_OFFSET);
        assertThat(text(requests, "/service_requests/request[1]/long")).matches("\\d+\\.\\d+");
    }

    @Test
    void requestIdsOverrideEveryOtherArgumentAndMayBeRepeated() {
        String first = postedId("E0102");
        String second = postedId("E0104");

        JsonNode requests = json(open311.get("requests.json?service_request_id=" + first
                + "&service_request_id=" + second + "&status=closed&service_code=C0101"
                + "&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z"));

        assertThat(requests.findValuesAsText("service_request_id")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void requestsAreFilteredByServiceCodeAndStatus() {
        String open = postedId("E0103");
        String cancelled = postedId("E0103");
        String other = postedId("E0105");
        processes.cancel(cancelled, "测试作废");

        List<String> ofService = ids("requests.json?service_code=E0103,E0105");
        List<String> openOnes = ids("requests.json?service_code=E0103&status=open");
        List<String> closedOnes = ids("requests.json?service_code=E0103&status=closed");
        List<String> both = ids("requests.json?service_code=E0103&status=open,closed");

        assertThat(ofService).contains(open, cancelled, other);
        assertThat(openOnes).contains(open).doesNotContain(cancelled, other);
        assertThat(closedOnes).contains(cancelled).doesNotContain(open);
        assertThat(both).contains(open, cancelled);
    }

    @Test
    void requestsWithoutDatesCoverTheLastNinetyDaysAndDatesReachFurtherBack() {
        Instant now = Instant.now();
        String old = reportedAt(now.minus(Duration.ofDays(100)));
        String recent = reportedAt(now.minus(Duration.ofDays(89)));
        String start = now.minus(Duration.ofDays(120)).atZone(CITY).toOffsetDateTime().toString();
        String end = now.minus(Duration.ofDays(31)).toString();

        List<String> byDefault = ids("requests.json?service_code=E0108");
        List<String> earlier = ids("requests.json?service_code=E0108&start_date=" + encode(start)
                + "&end_date=" + end);
        List<String> fromStart = ids("requests.json?service_code=E0108&start_date=" + encode(start));
        List<String> untilEnd = ids("requests.json?service_code=E0108&end_date=" + end);

        assertThat(byDefault).contains(recent).doesNotContain(old);
        assertThat(earlier).contains(old, recent);
        assertThat(fromStart).as("90 days from start_date").contains(old, recent);
        assertThat(untilEnd).as("90 days up to end_date").contains(old, recent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z     | may not span more than 90 days
            start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z     | end_date must not be before start_date
            start_date=2026-01-01T00:00:00                                    | start_date must be an ISO 8601
            end_date=2026-01-01                                               | end_date must be an ISO 8601
            start_date=yesterday                                              | start_date must be an ISO 8601
            status=pending                                                    | status must be open, closed
            service_code=E9999                                                | service_code 'E9999' is not a service
            """)
    void badSearchArgumentsAnswer400NamingThem(String query, String description) {
        assertError(open311.get("requests.json?" + query), HttpStatus.BAD_REQUEST, description);
        assertXmlError(open311.get("requests.xml?" + query), HttpStatus.BAD_REQUEST, description);
    }

    @Test
    void windowOfExactlyNinetyDaysWithOffsetsIsServed() {
        ResponseEntity<byte[]> answer = open311.get("requests.json?start_date=2026-01-01T00:00:00%2B08:00"
                + "&end_date=2026-04-01T00:00:00%2B08:00");

        assertJson(answer, HttpStatus.OK);
        assertThat(json(answer).isArray()).isTrue();
    }

    @Test
    void searchAnswersAtMostAThousandRequestsNewestFirst() {
        insertOldClosedCases(1001);

        JsonNode requests = json(open311.get("requests.json?start_date=2001-03-01T00:00:00%2B08:00"
                + "&end_date=2001-03-31T00:00:00%2B08:00"));

        assertThat(requests).hasSize(1000);
        assertThat(requests.get(0).path("service_request_id").asText()).isEqualTo("2001030101001");
        assertThat(requests.get(999).path("service_request_id").asText()).isEqualTo("2001030100002");
        assertThat(requests.get(0).path("status").asText()).isEqualTo("closed");
        assertThat(requests.get(0).path("requested_datetime").asText()).startsWith("2001-03-").endsWith("+08:00");
    }

    // ---- GET one request

    @Test
    void oneRequestIsAListOfOneInBothFormats() {
        String id = postedId("E0102");

        ResponseEntity<byte[]> inJson = open311.get("requests/" + id + ".json");
        ResponseEntity<byte[]> inXml = open311.get("requests/" + id + ".xml");

        assertJson(inJson, HttpStatus.OK);
        assertThat(json(inJson)).hasSize(1);
        assertThat(json(inJson).get(0).path("service_request_id").asText()).isEqualTo(id);
        assertXml(inXml, HttpStatus.OK);
        assertThat(text(xml(inXml), "/service_requests/request/service_request_id")).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1999010100001", "abc", "%27%20or%20%271%27%3D%271"})
    void unknownRequestAnswers404InBothFormats(String id) {
        assertError(open311.get("requests/" + id + ".json"), HttpStatus.NOT_FOUND, "service_request_id");
        assertXmlError(open311.get("requests/" + id + ".xml"), HttpStatus.NOT_FOUND, "service_request_id");
        assertThat(rows("city_case")).isPositive();
    }

    @Test
    void closedRequestsSayWhyInTheirStatusNotes() {
        String cancelled = postedId("E0102");
        String original = postedId("E0102");
        String repeat = postedId("E0102");
        processes.cancel(cancelled, "现场已无此问题");
        CitizenTestSupport.complete(tasks, repeat, CaseLifecycle.Task.ACCEPT, Map.of(Var.DUPLICATE_OF, original));

        JsonNode requests = json(open311.get("requests.json?service_request_id=" + cancelled + "," + repeat));

        assertThat(byId(requests, cancelled).path("status").asText()).isEqualTo("closed");
        assertThat(byId(requests, cancelled).path("status_notes").asText()).isEqualTo("已作废：现场已无此问题");
        assertThat(byId(requests, repeat).path("status").asText()).isEqualTo("closed");
        assertThat(byId(requests, repeat).path("status_notes").asText()).isEqualTo("重复上报，已并入案件 " + original);
    }

    @Test
    void agencyAndExpectedTimeAppearOnceTheCaseIsDispatchedWithAHandlingDueTime() {
        String id = postedId("E0306");
        CitizenTestSupport.register(tasks, id);
        CitizenTestSupport.complete(tasks, id, CaseLifecycle.Task.DISPATCH, Map.of(Var.DEPARTMENT, "ROADS"));
        CitizenTestSupport.complete(tasks, id, CaseLifecycle.Task.ACKNOWLEDGE, Map.of());
        Instant due = Instant.parse("2030-05-06T07:08:09Z");
        jdbc.sql("""
                        update case_stage set due_at = ? where stage = 'handle'
                            and case_id = (select id from city_case where case_number = ?)""")
                .params(due.atOffset(ZoneOffset.UTC), id).update();

        JsonNode request = json(open311.get("requests/" + id + ".json")).get(0);

        assertThat(request.path("agency_responsible").asText()).isEqualTo("示范市市政道路管理处");
        assertThat(request.path("expected_datetime").asText()).isEqualTo("2030-05-06T15:08:09+08:00");
        assertThat(request.path("status_notes").asText()).contains("处置反馈");
    }

    @Test
    void personalDataTypedIntoTheDescriptionIsHiddenFromReaders() {
        Map<String, List<String>> form = request("E0102", TestPoints.south());
        form.put("description", List.of("垃圾很多，请联系我 138 1234 5678 或 me@example.org"));
        String id = json(open311.post("json", form)).get(0).path("service_request_id").asText();

        String description = json(open311.get("requests/" + id + ".json")).get(0).path("description").asText();

        assertThat(description).isEqualTo("垃圾很多，请联系我 [已隐去] 或 [已隐去]");
        assertThat(cases.find(id).orElseThrow().description()).contains("138 1234 5678");
    }

    // ---- helpers

    private Map<String, List<String>> request(String serviceCode, double[] point) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("api_key", List.of(Open311Client.API_KEY));
        form.put("service_code", List.of(serviceCode));
        form.put("lat", List.of(String.valueOf(point[1])));
        form.put("long", List.of(String.valueOf(point[0])));
        form.put("address_string", List.of("南湖区某路1号"));
        form.put("description", List.of("路边有一堆垃圾"));
        return form;
    }

    private String postedId(String serviceCode) {
        Map<String, List<String>> form = request(serviceCode, TestPoints.south());
        if ("C0110".equals(serviceCode)) {
            form.put("attribute[DARK_LIGHTS]", List.of("3"));
        }
        ResponseEntity<byte[]> answer = open311.post("json", form);
        assertThat(answer.getStatusCode()).as(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.CREATED);
        return json(answer).get(0).path("service_request_id").asText();
    }

    private String reportedAt(Instant when) {
        try {
            ClockUtil.setCurrentTime(Date.from(when));
            return CitizenTestSupport.report(intake, Source.CITIZEN, "E0108", TestPoints.south(), null).caseNumber();
        } finally {
            ClockUtil.reset();
        }
    }

    private List<String> ids(String path) {
        ResponseEntity<byte[]> answer = open311.get(path);
        assertJson(answer, HttpStatus.OK);
        return json(answer).findValuesAsText("service_request_id");
    }

    private void insertOldClosedCases(int how) {
        if (rows("city_case where case_number like '20010301%'") > 0) {
            return;
        }
        OffsetDateTime first = OffsetDateTime.parse("2001-03-01T08:00:00+08:00");
        for (int i = 1; i <= how; i++) {
            jdbc.sql("""
                            insert into city_case (case_number, source, category_code, description, address, longitude,
                                latitude, district_code, urgent, status, reported_at, ended_at)
                            values (?, 'HOTLINE', 'E0102', '旧案件', '东城区某路', 120.61, 31.31, '990101', false,
                                'CLOSED', ?, ?)""")
                    .params(String.format("20010301%05d", i), first.plusMinutes(i), first.plusMinutes(i + 60))
                    .update();
        }
    }

    private long rows(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
    }

    private static String encode(String time) {
        return time.replace("+", "%2B");
    }

    private static JsonNode byCode(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (code.equals(service.path("service_code").asText())) {
                return service;
            }
        }
        throw new AssertionError("No service " + code);
    }

    private static JsonNode byId(JsonNode requests, String id) {
        for (JsonNode request : requests) {
            if (id.equals(request.path("service_request_id").asText())) {
                return request;
            }
        }
        throw new AssertionError("No request " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertJson(ResponseEntity<byte[]> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/json;charset=UTF-8");
    }

    static void assertXml(ResponseEntity<byte[]> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=UTF-8");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** The spec's JSON error: a list of {code, description}, the code equal to the HTTP status. */
    static void assertError(ResponseEntity<byte[]> answer, HttpStatus status, String descriptionPart) {
        assertJson(answer, status);
        JsonNode errors = json(answer);
        assertThat(errors.isArray()).isTrue();
        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.path("code").isInt()).isTrue();
            assertThat(error.path("code").asInt()).isEqualTo(status.value());
            assertThat(error.path("description").isTextual()).isTrue();
        });
        assertThat(errors.findValuesAsText("description").stream().collect(Collectors.joining("\n")))
                .contains(descriptionPart);
    }

    /** The spec's XML error: errors/error with code and description. */
    static void assertXmlError(ResponseEntity<byte[]> answer, HttpStatus status, String descriptionPart) {
        assertXml(answer, status);
        Document errors = xml(answer);
        assertThat(count(errors, "/errors/error")).isPositive();
        assertThat(text(errors, "/errors/error[1]/code")).isEqualTo(String.valueOf(status.value()));
        assertThat(collectDescriptions(errors)).contains(descriptionPart);
    }

    private static String collectDescriptions(Document errors) {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= count(errors, "/errors/error"); i++) {
            all.append(text(errors, "/errors/error[" + i + "]/description")).append('\n');
        }
        return all.toString();
    }
}
