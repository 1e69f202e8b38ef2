package org.citycase.citizen.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citycase.citizen.CitizenTestSupport.complete;
import static org.citycase.citizen.CitizenTestSupport.freshContact;
import static org.citycase.citizen.CitizenTestSupport.register;
import static org.citycase.citizen.CitizenTestSupport.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Rewards for first valid reports: granted when the case is registered, by the amounts of
 * {@code reward.dmn}, within the monthly cap, never to blacklisted reporters or for duplicates; and the
 * month's ledger and payout list.
 */
@CitycaseSpringTest
class RewardsTest {

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    RewardService rewards;
    @Autowired
    ReporterKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void logIn() {
        TestUsers.ensure(identity);
        http = http.withBasicAuth(TestUsers.LEADER, TestUsers.password(TestUsers.LEADER));
    }

    @Test
    void firstValidReportEarnsTwoYuanOnceItsCaseIsRegistered() {
        String contact = freshContact();
        String caseNumber = citizenReport("E0102", contact);
        complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(tasks, caseNumber, CaseLifecycle.Task.VERIFY, Map.of(Var.VERIFIED, true));
        assertThat(rewards.entryOf(caseNumber)).as("nothing before registration").isEmpty();

        complete(tasks, caseNumber, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));

        RewardEntry entry = rewards.entryOf(caseNumber).orElseThrow();
        assertThat(entry.grantedFen()).isEqualTo(200);
        assertThat(entry.decidedFen()).isEqualTo(200);
        assertThat(entry.outcome()).isEqualTo(RewardOutcome.GRANTED);
        assertThat(entry.reporterKey()).isEqualTo(keys.keyOf(contact));
        assertThat(entry.day()).isEqualTo(today());
    }

    @ParameterizedTest(name = "{0}: {1} fen")
    @CsvSource(textBlock = """
            E0101, 1000
            E0401, 500
            C0101, 200
            """)
    void rewardFollowsTheRewardTableByCategory(String category, long fen) {
        String caseNumber = citizenReport(category, freshContact());

        register(tasks, caseNumber);

        assertThat(rewards.entryOf(caseNumber).orElseThrow().grantedFen()).isEqualTo(fen);
    }

    @Test
    void caseNotConfirmedOrNotRegisteredEarnsNothing() {
        String invalid = citizenReport("E0102", freshContact());
        String rejected = citizenReport("E0102", freshContact());

        complete(tasks, invalid, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(tasks, invalid, CaseLifecycle.Task.VERIFY, Map.of(Var.VERIFIED, false));
        complete(tasks, rejected, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(tasks, rejected, CaseLifecycle.Task.VERIFY, Map.of(Var.VERIFIED, true));
        complete(tasks, rejected, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, false,
                Var.REJECTION_REASON, "不属于受理范围"));

        assertThat(rewards.entryOf(invalid)).isEmpty();
        assertThat(rewards.entryOf(rejected)).isEmpty();
    }

    @Test
    void hotlineAndSupervisorReportsAndReportsWithoutContactEarnNothing() {
        String hotline = report(intake, Source.HOTLINE, "E0102", TestPoints.south(), freshContact()).caseNumber();
        String anonymous = citizenReport("E0102", null);
        String supervisor = report(intake, Source.SUPERVISOR, "E0102", TestPoints.south(), freshContact())
                .caseNumber();

        register(tasks, hotline);
        register(tasks, anonymous);
        complete(tasks, supervisor, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(tasks, supervisor, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));

        assertThat(rewards.entryOf(hotline)).isEmpty();
        assertThat(rewards.entryOf(anonymous)).isEmpty();
        assertThat(rewards.entryOf(supervisor)).isEmpty();
    }

    @Test
    void duplicateEarnsNothingAndTheFirstReportEarnsOnce() {
        double[] point = TestPoints.south();
        String first = freshContact();
        String second = freshContact();
        String caseNumber = report(intake, Source.CITIZEN, "E0102", point, first).caseNumber();
        assertThat(report(intake, Source.CITIZEN, "E0102", point, second).duplicate()).isTrue();

        register(tasks, caseNumber);

        assertThat(rewards.entryOf(caseNumber).orElseThrow().reporterKey()).isEqualTo(keys.keyOf(first));
        assertThat(entries(keys.keyOf(second))).isZero();
        assertThat(entries(keys.keyOf(first))).isOne();
    }

    @Test
    void monthlyCapCutsTheRewardThatWouldPassItAndThenGrantsNothing() {
        String contact = freshContact();
        String reporter = keys.keyOf(contact);
        jdbc.sql("insert into reward_account (reporter_key, reward_month, total_fen) values (?, ?, 29500)")
                .params(reporter, YearMonth.from(today()).toString()).update();
        String illegal = citizenReport("E0101", contact);
        String garbage = citizenReport("E0102", contact);

        register(tasks, illegal);
        register(tasks, garbage);

        RewardEntry capped = rewards.entryOf(illegal).orElseThrow();
        assertThat(capped.decidedFen()).isEqualTo(1000);
        assertThat(capped.grantedFen()).isEqualTo(500);
        assertThat(capped.outcome()).isEqualTo(RewardOutcome.CAPPED);
        RewardEntry nothing = rewards.entryOf(garbage).orElseThrow();
        assertThat(nothing.grantedFen()).isZero();
        assertThat(nothing.outcome()).isEqualTo(RewardOutcome.CAPPED);
        assertThat(jdbc.sql("select total_fen from reward_account where reporter_key = ? and reward_month = ?")
                .params(reporter, YearMonth.from(today()).toString()).query(Long.class).single()).isEqualTo(30000);
    }

    @Test
    void blacklistedReporterEarnsNothingAndIsLeftOutOfThePayoutListUntilTakenOff() throws Exception {
        String contact = freshContact();
        String earlier = citizenReport("E0102", contact);
        register(tasks, earlier);

        ResponseEntity<String> listed = blacklist("{\"reporterContact\":\"+86 " + contact + "\",\"reason\":\"虚假举报\"}");
        String later = citizenReport("E0102", contact);
        register(tasks, later);

        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = json.readTree(listed.getBody()).path("reporterKey").asText();
        assertThat(key).isEqualTo(keys.keyOf(contact));
        assertThat(listed.getBody()).doesNotContain(contact);
        assertThat(rewards.entryOf(later).orElseThrow().outcome()).isEqualTo(RewardOutcome.BLACKLISTED);
        assertThat(rewards.entryOf(later).orElseThrow().grantedFen()).isZero();
        assertThat(payoutList()).doesNotContain(contact);
        assertThat(reporterOfMonth(key).path("blacklisted").asBoolean()).isTrue();
        assertThat(blacklist("{\"reporterContact\":\"" + contact + "\",\"reason\":\"再次\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(http.getForObject("/api/rewards/blacklist", String.class)).findValuesAsText(
                "reporterKey")).contains(key);

        assertThat(delete(key).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(delete(key).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(payoutList()).contains(contact);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"reason\":\"虚假举报\"}", "{\"reporterContact\":\"13900000000\"}",
        "{\"reporterContact\":\"13900000000\",\"reason\":\" \"}"})
    void blacklistingWithoutAContactOrAReasonIsRefusedNamingTheField(String body) throws Exception {
        ResponseEntity<String> answer = blacklist(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field"))
                .containsAnyOf("reporterContact", "reason");
    }

    @Test
    void monthShowsEachReportersDailyTotalWithTheContactMasked() throws Exception {
        String contact = freshContact();
        register(tasks, citizenReport("E0102", contact));
        register(tasks, citizenReport("E0101", contact));

        JsonNode month = json.readTree(http.getForObject("/api/rewards/" + YearMonth.from(today()), String.class));
        JsonNode reporter = reporterOfMonth(keys.keyOf(contact));

        assertThat(month.path("month").asText()).isEqualTo(YearMonth.from(today()).toString());
        assertThat(month.path("monthlyCapYuan").decimalValue()).isEqualByComparingTo("300");
        assertThat(reporter.path("reporter").asText()).isEqualTo(contact.substring(0, 3) + "****"
                + contact.substring(7));
        assertThat(reporter.path("firstReports").asInt()).isEqualTo(2);
        assertThat(reporter.path("totalYuan").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(reporter.path("days")).hasSize(1);
        assertThat(reporter.at("/days/0/day").asText()).isEqualTo(today().toString());
        assertThat(reporter.at("/days/0/amountYuan").decimalValue()).isEqualByComparingTo("12");
        assertThat(month.toString()).doesNotContain(contact);
    }

    @Test
    void payoutListIsACsvWithChineseHeadingsAndTheReportersContact() {
        String contact = freshContact();
        register(tasks, citizenReport("E0101", contact));

        ResponseEntity<byte[]> csv = http.getForEntity("/api/rewards/" + YearMonth.from(today()) + ".csv",
                byte[].class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("rewards-" + YearMonth.from(today()) + ".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF举报人标识,联系方式,有效首报数,奖励金额（元）\r\n");
        assertThat(text).contains("\"" + keys.keyOf(contact) + "\",\"" + contact + "\",1,10.00\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-13", "12-2026", "2026-1", "abc", "2026-12.json"})
    void monthNotWrittenYyyyMmIsRefusedNamingIt(String month) throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/rewards/" + month, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field")).containsExactly("month");
    }

    private String citizenReport(String category, String contact) {
        return report(intake, Source.CITIZEN, category, TestPoints.south(), contact).caseNumber();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private long entries(String reporterKey) {
        return jdbc.sql("select count(*) from reward_entry where reporter_key = ?").param(reporterKey)
                .query(Long.class).single();
    }

    private JsonNode reporterOfMonth(String key) throws Exception {
        JsonNode month = json.readTree(http.getForObject("/api/rewards/" + YearMonth.from(today()), String.class));
        for (JsonNode reporter : month.path("reporters")) {
            if (reporter.path("reporterKey").asText().equals(key)) {
                return reporter;
            }
        }
        throw new AssertionError("The month has no reporter " + key);
    }

    private String payoutList() {
        return new String(http.getForObject("/api/rewards/" + YearMonth.from(today()) + ".csv", byte[].class),
                StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> blacklist(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/rewards/blacklist", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> delete(String key) {
        return http.exchange("/api/rewards/blacklist/" + key, HttpMethod.DELETE, null, String.class);
    }
}
