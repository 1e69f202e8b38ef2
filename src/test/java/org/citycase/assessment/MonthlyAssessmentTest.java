package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.citycase.assessment.MayFixture.DRAINAGE;
import static org.citycase.assessment.MayFixture.EAST;
import static org.citycase.assessment.MayFixture.LI;
import static org.citycase.assessment.MayFixture.PEOPLES;
import static org.citycase.assessment.MayFixture.POWER;
import static org.citycase.assessment.MayFixture.QIAN;
import static org.citycase.assessment.MayFixture.ROADS;
import static org.citycase.assessment.MayFixture.SANITATION_EAST;
import static org.citycase.assessment.MayFixture.SUN;
import static org.citycase.assessment.MayFixture.WANG;
import static org.citycase.assessment.MayFixture.WATER;
import static org.citycase.assessment.MayFixture.WEST;
import static org.citycase.assessment.MayFixture.WU;
import static org.citycase.assessment.MayFixture.ZHAO;
import static org.citycase.assessment.MayFixture.ZHOU;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.CitycaseSpringTest;
import org.citycase.engine.ModelFolderDeployer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assessment of May 2025 over {@link MayFixture}, level by level, every figure worked out by hand in the
 * comments: counts, percentages, scores by the default weights, grades and ranks; the edges of the month; a
 * changed weights table. Percentages are shown with two decimals; scores are computed from the unrounded
 * percentages and then rounded.
 */
@CitycaseSpringTest
class MonthlyAssessmentTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MAY = YearMonth.of(2025, 5);

    @Autowired
    AssessmentService assessments;
    @Autowired
    ManualScores manualScores;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ModelFolderDeployer deployer;
    @Autowired
    ProcessEngine engine;

    @TempDir
    Path temp;
    private boolean weightsChanged;

    @BeforeEach
    void writeTheFixture() {
        MayFixture.ensure(jdbc);
    }

    @AfterEach
    void deployTheWeightsOfTheDecisionsFolderAgain() {
        if (weightsChanged) {
            ClockUtil.reset();
            deployer.deploy(engine, Path.of("decisions"));
        }
    }

    // ---------------------------------------------------------------- departments

    @Test
    void theSanitationOfficeShowsEveryOutcomeOfItsHandlingRunsDueInMay() {
        AssessedUnit office = unit(month(MAY, "department"), SANITATION_EAST);

        // runs due in May: C01 in time, C02 late, C03 twice (in time, reworked; in time), C04 extended and in time,
        // C09 (dispatched in April) in time, C07 and C10 open at the end of May; not due: C05 suspended, C06
        // returned, C08 cancelled; C04's first handle task only asked for more time and is not a run of its own
        assertThat(office.indicators()).contains(
                entry("due", 8L), entry("handled", 6L), entry("handledInTime", 5L),
                entry("overdue", 3L),                  // 8 - 5: C02, C07, C10
                entry("carriedOverdue", 1L),           // C11, due 25 April and still open on 31 May
                entry("overduePending", 3L),           // 8 - 6 + 1: C07, C10, C11
                entry("returned", 1L), entry("reworked", 1L), entry("extended", 1L), entry("suspended", 1L),
                entry("closed", 5L));                  // checked as fixed: C01, C02, C03's second run, C04, C09
        assertThat(office.indicators()).contains(
                entry("handlingRate", pct("75.00")),         // 6 / 8
                entry("onTimeHandlingRate", pct("62.50")),   // 5 / 8
                entry("closureRate", pct("83.33")),          // 5 / 6
                entry("reworkRate", pct("16.67")),           // 1 / 6
                entry("overdueRate", pct("37.50")),          // 3 / 8
                entry("overduePendingRate", pct("33.33")),   // 3 / (8 + 1)
                entry("extensionRate", pct("12.50")));       // 1 / 8
        // 30 x 0.75 + 20 x 0.625 + 20 x (1 - 1/6) + 20 x (1 - 1/3) + 10 x (1 - 0.125)
        //   = 22.5 + 12.5 + 16.667 + 13.333 + 8.75 = 73.75 of 100
        assertThat(office.score()).isEqualByComparingTo("73.75");
        assertThat(office.grade()).isEqualTo("C");
    }

    @Test
    void departmentsAreRankedByScoreAndEqualScoresShareARankWhileTheNextRankSkips() {
        Assessment may = month(MAY, "department");

        // ROADS: 3 runs (C06 after the return, R1, R2) all handled in time and fixed: 100.
        // DRAINAGE (D1) and WATER (W1, L1): every run handled, none in time, none reworked, none extended:
        //   30 x 1 + 20 x 0 + 20 x 1 + 20 x 1 + 10 x 1 = 80.
        // POWER (P1 never handled): handling 0 %, on time 0 %, overdue pending 1 / 1, extension 0 / 1, rework not
        //   applicable (nothing handled), so its 20 points drop out: (0 + 0 + 20 x 0 + 10 x 1) / 80 = 12.5 of 100.
        assertThat(may.units().subList(0, 5)).extracting(AssessedUnit::code, AssessedUnit::score,
                        AssessedUnit::grade, AssessedUnit::rank)
                .containsExactly(
                        tuple(ROADS, new BigDecimal("100.00"), "A", 1),
                        tuple(DRAINAGE, new BigDecimal("80.00"), "B", 2),
                        tuple(WATER, new BigDecimal("80.00"), "B", 2),
                        tuple(SANITATION_EAST, new BigDecimal("73.75"), "C", 4),
                        tuple(POWER, new BigDecimal("12.50"), "E", 5));
        assertThat(unit(may, POWER).indicators()).containsEntry("reworkRate", null).containsEntry("closureRate", null);
    }

    @Test
    void aDepartmentWithNothingDueHasNoPercentagesNoScoreNoGradeAndNoRankAndComesLast() {
        Assessment may = month(MAY, "department");
        AssessedUnit greening = unit(may, "GREENING");

        assertThat(greening.indicators()).containsEntry("due", 0L).containsEntry("handlingRate", null)
                .containsEntry("onTimeHandlingRate", null).containsEntry("overduePendingRate", null);
        assertThat(greening.score()).isNull();
        assertThat(greening.grade()).isNull();
        assertThat(greening.rank()).isNull();
        assertThat(may.units()).hasSize(13);
        assertThat(may.units().subList(5, 13)).allSatisfy(unit -> assertThat(unit.rank()).isNull())
                .extracting(AssessedUnit::code).isSorted();
    }

    @Test
    void aCaseDispatchedInAprilAndHandledInMayCountsInMayWhereItsDeadlineFalls() {
        AssessedUnit april = unit(month(YearMonth.of(2025, 4), "department"), SANITATION_EAST);

        // April holds C11 alone (due 25 April, open on 30 April); C09, dispatched on 30 April, falls due on 6 May
        // and is one of May's handled-in-time runs (see the first test)
        assertThat(april.indicators()).contains(entry("due", 1L), entry("handled", 0L), entry("carriedOverdue", 0L),
                entry("overduePending", 1L), entry("handlingRate", pct("0.00")));
        // handling 0, on time 0, rework n/a, overdue pending 1/1, extension 0/1: (0 + 0 + 0 + 10) / 80 = 12.5
        assertThat(april.score()).isEqualByComparingTo("12.50");
    }

    @Test
    void aCaseDueInMayAndHandledInJuneStaysUnhandledInMayAndCountsInNoLaterMonth() {
        AssessedUnit june = unit(month(YearMonth.of(2025, 6), "department"), SANITATION_EAST);
        AssessedUnit mayAndJune = unit(assessments.assess(AssessmentLevel.DEPARTMENT,
                Period.days(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30), CITY)), SANITATION_EAST);

        // June: nothing falls due; C07 (due 20 May) is still open on 30 June, C10 and C11 were handled in June
        assertThat(june.indicators()).contains(entry("due", 0L), entry("handled", 0L), entry("carriedOverdue", 1L),
                entry("overduePendingRate", pct("100.00")), entry("handlingRate", null));
        // only the overdue-pending rate applies: 20 x (1 - 1) / 20 = 0
        assertThat(june.score()).isEqualByComparingTo("0.00");
        assertThat(june.grade()).isEqualTo("E");
        // May and June judged on 30 June: C10 counts as handled (late), C11 (due in April) is not in the range
        assertThat(mayAndJune.indicators()).contains(entry("due", 8L), entry("handled", 7L),
                entry("handledInTime", 5L), entry("closed", 6L), entry("carriedOverdue", 0L),
                entry("overduePending", 1L));
    }

    @Test
    void laterFactsDoNotChangeAPastMonthSoItsRankingComesOutTheSameWhenComputedAgain() {
        Assessment first = month(MAY, "department");
        Assessment again = month(MAY, "department");

        assertThat(again.provisional()).isFalse();
        assertThat(again.until()).isEqualTo(first.to());
        assertThat(again.units()).isEqualTo(first.units());
    }

    @Test
    void everyLevelAnswersForTheMonthAskedWhenMonthsAlternate() {
        for (AssessmentLevel level : AssessmentLevel.values()) {
            Assessment may = month(MAY, level.id());
            Assessment april = month(YearMonth.of(2025, 4), level.id());
            Assessment mayAgain = month(MAY, level.id());

            assertThat(mayAgain.units()).as(level.id()).isEqualTo(may.units());
            assertThat(april.units()).as(level.id()).isNotEqualTo(may.units());
        }
    }

    // ---------------------------------------------------------------- districts and streets

    @Test
    void streetsCountTheCasesReportedInMayAndWhatBecameOfThemByTheEndOfMay() {
        Assessment streets = month(MAY, "street");

        // 公园街道: 10 reports (C01-C08, C10, DUP), 9 registered (not DUP), C08 cancelled, C05 suspended, so 7 due to
        // close; closed by 31 May: C01, C02, C03, C04, C06 (C10 closed in June); in time: C01, C03, C04, C06 (C02's
        // handling was late); first reported by the public: C04
        assertThat(unit(streets, "990101001").indicators()).contains(entry("reports", 10L), entry("registered", 9L),
                entry("cancelled", 1L), entry("suspended", 1L), entry("dueToClose", 7L), entry("closed", 5L),
                entry("closedInTime", 4L), entry("publicFirst", 1L),
                entry("closureRate", pct("71.43")),            // 5 / 7
                entry("onTimeClosureRate", pct("57.14")),      // 4 / 7
                entry("publicFirstRate", pct("11.11")));       // 1 / 9
        // 40 x 5/7 + 40 x 4/7 + 20 x (1 - 1/9) = 28.571 + 22.857 + 17.778 = 69.206
        assertThat(unit(streets, "990101001").score()).isEqualByComparingTo("69.21");
        // 人民街道: D1, P1, N1 (not registered), O1 (not verified yet): 2 registered, D1 closed late
        //   40 x 1/2 + 40 x 0/2 + 20 x (1 - 0/2) = 40, on the boundary of grade D
        // 文昌街道: R1, R2, W1, L1 registered and closed (R1, R2 in time), V1 invalid; R2, L1 from the hotline
        //   40 x 4/4 + 40 x 2/4 + 20 x (1 - 2/4) = 70
        assertThat(streets.units().subList(0, 3)).extracting(AssessedUnit::name, AssessedUnit::score,
                        AssessedUnit::grade, AssessedUnit::rank)
                .containsExactly(
                        tuple("文昌街道", new BigDecimal("70.00"), "C", 1),
                        tuple("公园街道", new BigDecimal("69.21"), "C", 2),
                        tuple("人民街道", new BigDecimal("40.00"), "D", 3));
        assertThat(streets.units()).hasSize(16);
    }

    @Test
    void districtsAddUpTheirStreetsAndCombineWithTheEnteredSpecialAndOnSiteScores() {
        manualScores.save("990101", MAY, new BigDecimal("90"), new BigDecimal("80"), "t-admin", Instant.now());
        manualScores.save("990102", MAY, new BigDecimal("60"), null, "t-admin", Instant.now());

        Assessment districts = month(MAY, "district");

        // 东城区 = 公园街道 + 人民街道: 14 reports, 11 registered, 9 due to close, 6 closed, 4 in time, 1 public first
        //   40 x 6/9 + 40 x 4/9 + 20 x (1 - 1/11) = 26.667 + 17.778 + 18.182 = 62.626 -> 62.63
        AssessedUnit east = unit(districts, "990101");
        assertThat(east.indicators()).contains(entry("reports", 14L), entry("registered", 11L),
                entry("dueToClose", 9L), entry("closed", 6L), entry("closedInTime", 4L), entry("publicFirst", 1L));
        assertThat(east.score()).isEqualByComparingTo("62.63");
        // combined: (85 x 62.63 + 3 x 90 + 12 x 80) / 100 = 53.2355 + 2.7 + 9.6 = 65.5355 -> 65.54
        assertThat(east.combined()).isEqualTo(new AssessedUnit.Combined(new BigDecimal("62.63"),
                new BigDecimal("90.00"), new BigDecimal("80.00"), new BigDecimal("65.54"), "C", 2));
        // 西城区 = 文昌街道: 70; no on-site score entered, so its 12 points drop out:
        //   (85 x 70 + 3 x 60) / 88 = 6130 / 88 = 69.659 -> 69.66
        AssessedUnit west = unit(districts, "990102");
        assertThat(west.rank()).isEqualTo(1);
        assertThat(west.combined()).isEqualTo(new AssessedUnit.Combined(new BigDecimal("70.00"),
                new BigDecimal("60.00"), null, new BigDecimal("69.66"), "C", 1));
        // 南湖区 had no case and no entry
        AssessedUnit south = unit(districts, "990103");
        assertThat(south.score()).isNull();
        assertThat(south.combined().score()).isNull();
        assertThat(south.combined().rank()).isNull();
    }

    @Test
    void theYearsCombinedScoreSettlesEachDistrictsDeposit() {
        manualScores.save("990101", MAY, new BigDecimal("90"), new BigDecimal("80"), "t-admin", Instant.now());
        manualScores.save("990102", MAY, new BigDecimal("60"), null, "t-admin", Instant.now());

        DepositReport report = assessments.deposits(2025);

        // 东城区 over 2025 adds C09 and C11 (reported in April, both closed, C11 late) to May and counts C10 as
        // closed (late): 16 reports, 13 registered, 11 due to close, 9 closed, 5 in time, 1 public first:
        //   40 x 9/11 + 40 x 5/11 + 20 x (1 - 1/13) = 32.727 + 18.182 + 18.462 = 69.371 -> 69.37
        //   combined: (85 x 69.37 + 3 x 90 + 12 x 80) / 100 = 58.9645 + 2.7 + 9.6 = 71.2645 -> 71.26
        //   13.74 points below 85 take 13.74 x 6 % = 82.44 % of 500 000: 412 200.00; 87 800.00 comes back
        assertThat(report.provisional()).isFalse();
        assertThat(report.districts()).extracting(DepositReport.Line::districtCode, l -> l.settlement().score(),
                        l -> l.settlement().deduction(), l -> l.settlement().refund())
                .containsExactly(
                        tuple("990101", new BigDecimal("71.26"),
                                new BigDecimal("412200.00"), new BigDecimal("87800.00")),
                        // 西城区 as in May: 69.66, 15.34 points below: 500 000 x 0.06 x 15.34 = 460 200.00
                        tuple("990102", new BigDecimal("69.66"),
                                new BigDecimal("460200.00"), new BigDecimal("39800.00")),
                        // 南湖区 has no score: nothing can be settled yet
                        tuple("990103", null, null, null));
    }

    // ---------------------------------------------------------------- people

    @Test
    void supervisorsAnswerForTheReportsOfTheirGridsAndForTheVerificationsAndChecksDueInMay() {
        Assessment supervisors = month(MAY, "supervisor");

        // supervisor-east (公园街道): 8 own reports, all registered; C04 came first from a citizen; 1 verification
        //   and 7 checks (C01, C02, C03 twice, C04, C06, C09), all in time
        //   40 x 1 + 20 x (1 - 1/9) + 20 x 1 + 20 x 1 = 97.78
        assertThat(unit(supervisors, EAST).indicators()).contains(entry("reports", 8L), entry("validReports", 8L),
                entry("publicFirst", 1L), entry("verifications", 1L), entry("verificationsInTime", 1L),
                entry("checks", 7L), entry("checksInTime", 7L), entry("validReportRate", pct("100.00")),
                entry("missRate", pct("11.11")), entry("onTimeCheckRate", pct("100.00")));
        // supervisor-west (文昌街道): R1, W1 valid; R2, L1 from the hotline first; verifications R2, L1 (late), V1;
        //   checks R1, R2, W1, L1 (late): 40 x 1 + 20 x (1 - 2/4) + 20 x 2/3 + 20 x 3/4 = 78.33
        // supervisor (人民街道): D1, P1 valid, N1 not; O1's verification never done counts against the grid's
        //   supervisor; D1's check in time: 40 x 2/3 + 20 x (1 - 0/2) + 20 x 0/1 + 20 x 1/1 = 66.67
        // supervisor-south: nothing in May
        assertThat(supervisors.units()).extracting(AssessedUnit::code, AssessedUnit::score, AssessedUnit::grade,
                        AssessedUnit::rank)
                .containsExactly(
                        tuple(EAST, new BigDecimal("97.78"), "A", 1),
                        tuple(WEST, new BigDecimal("78.33"), "B", 2),
                        tuple(PEOPLES, new BigDecimal("66.67"), "C", 3),
                        tuple("supervisor-south", null, null, null));
        assertThat(unit(supervisors, PEOPLES).indicators()).contains(entry("verifications", 1L),
                entry("verificationsInTime", 0L), entry("missRate", pct("0.00")));
    }

    @Test
    void operatorsAreScoredOnTheirShareOfTheWorkAndOnTimelyAcceptance() {
        Assessment operators = month(MAY, "operator");

        // WANG accepted 12 cases due in May, all in time: 20 x 12/12 + 80 x 1 = 100
        // SUN accepted 7, L1 late: 20 x 7/12 + 80 x 6/7 = 11.667 + 68.571 = 80.24
        assertThat(unit(operators, SUN).indicators()).contains(entry("acceptances", 7L),
                entry("acceptancesInTime", 6L), entry("onTimeAcceptanceRate", pct("85.71")),
                entry("acceptanceVolume", pct("58.33")));
        assertThat(operators.units()).extracting(AssessedUnit::code, AssessedUnit::score, AssessedUnit::grade,
                        AssessedUnit::rank)
                .containsExactly(
                        tuple(WANG, new BigDecimal("100.00"), "A", 1),
                        tuple(SUN, new BigDecimal("80.24"), "B", 2));
    }

    @Test
    void shiftLeadersAreScoredOnTimelyAndAccurateRegistrationAndTimelyClosure() {
        Assessment leaders = month(MAY, "shift-leader");

        // ZHAO decided 11 registrations in time, registered 10 (not N1), C08 was cancelled later: 9 accurate;
        //   closed 6 in time (C01, C02, C03, C06, C09, D1): 25 x 1 + 40 x 9/10 + 35 x 1 = 96
        assertThat(unit(leaders, ZHAO).indicators()).contains(entry("registrations", 11L),
                entry("registrationsInTime", 11L), entry("registered", 10L), entry("cancelled", 1L),
                entry("accurateRegistrations", 9L), entry("closures", 6L), entry("closuresInTime", 6L),
                entry("registrationAccuracy", pct("90.00")));
        // QIAN registered 5 (L1 late), none cancelled, closed 5 (L1 late): 25 x 4/5 + 40 x 1 + 35 x 4/5 = 88
        assertThat(leaders.units()).extracting(AssessedUnit::code, AssessedUnit::score, AssessedUnit::grade,
                        AssessedUnit::rank)
                .containsExactly(
                        tuple(ZHAO, new BigDecimal("96.00"), "A", 1),
                        tuple(QIAN, new BigDecimal("88.00"), "B", 2));
    }

    @Test
    void dispatchersLoseAccuracyForCasesThatCameBackOrWereReworked() {
        Assessment dispatchers = month(MAY, "dispatcher");

        // LI dispatched 8 in time; C03 was reworked and C06 returned: 6 accurate
        //   20 x 8/8 + 40 x 1 + 40 x 6/8 = 90
        // ZHOU dispatched 6 in time (C06 again, accurately): 20 x 6/8 + 40 x 1 + 40 x 1 = 95
        // WU dispatched 2, D1 late: 20 x 2/8 + 40 x 1/2 + 40 x 1 = 65
        assertThat(unit(dispatchers, LI).indicators()).contains(entry("dispatches", 8L), entry("misdirected", 2L),
                entry("accurateDispatches", 6L), entry("dispatchAccuracy", pct("75.00")),
                entry("dispatchVolume", pct("100.00")));
        assertThat(dispatchers.units()).extracting(AssessedUnit::code, AssessedUnit::score, AssessedUnit::grade,
                        AssessedUnit::rank)
                .containsExactly(
                        tuple(ZHOU, new BigDecimal("95.00"), "A", 1),
                        tuple(LI, new BigDecimal("90.00"), "A", 2),
                        tuple(WU, new BigDecimal("65.00"), "C", 3));
    }

    // ---------------------------------------------------------------- weights in DMN

    @Test
    void aNewVersionOfTheWeightsTableChangesScoresAndRanksAtTheNextRequestWithoutARestart() throws IOException {
        Path decisions = Files.createDirectories(temp.resolve("decisions"));
        String table = Files.readString(Path.of("decisions", "assessment-weights.dmn"));
        String onTime20 = "<outputEntry id=\"rule-department-on-time-handling-rate-weight\"><text>20</text>";
        assertThat(table).contains(onTime20);
        Files.writeString(decisions.resolve("assessment-weights.dmn"), table.replace(onTime20,
                onTime20.replace(">20<", ">80<")));
        ClockUtil.reset(); // deployments are ordered by time: this one must come after the folder's

        weightsChanged = deployer.deploy(engine, decisions) != null;
        Assessment may = month(MAY, "department");

        // on-time handling now weighs 80 of 160:
        //   SANITATION-EAST (22.5 + 80 x 0.625 + 16.667 + 13.333 + 8.75) / 160 = 111.25 / 160 = 69.53
        //   DRAINAGE, WATER (30 + 0 + 20 + 20 + 10) / 160 = 50;  POWER 10 / 140 = 7.14
        assertThat(weightsChanged).isTrue();
        assertThat(may.units().subList(0, 5)).extracting(AssessedUnit::code, AssessedUnit::score,
                        AssessedUnit::rank)
                .containsExactly(
                        tuple(ROADS, new BigDecimal("100.00"), 1),
                        tuple(SANITATION_EAST, new BigDecimal("69.53"), 2),
                        tuple(DRAINAGE, new BigDecimal("50.00"), 3),
                        tuple(WATER, new BigDecimal("50.00"), 3),
                        tuple(POWER, new BigDecimal("7.14"), 5));
        assertThat(may.weights()).filteredOn(w -> w.indicator().equals("onTimeHandlingRate"))
                .singleElement().satisfies(w -> assertThat(w.weight()).isEqualByComparingTo("80"));

        ClockUtil.reset();
        deployer.deploy(engine, Path.of("decisions"));
        weightsChanged = false;
        assertThat(unit(month(MAY, "department"), SANITATION_EAST).score()).isEqualByComparingTo("73.75");
    }

    // ---------------------------------------------------------------- helpers

    private Assessment month(YearMonth month, String level) {
        return assessments.assess(AssessmentLevel.byId(level).orElseThrow(), Period.month(month, CITY));
    }

    private static AssessedUnit unit(Assessment assessment, String code) {
        return assessment.units().stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + code + " in " + assessment.level()));
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
