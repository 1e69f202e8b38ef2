package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision tables {@code assessment-weights} and {@code assessment-grades} evaluated by the DMN engine alone:
 * every rule of the weights, every grade and its boundaries.
 */
class AssessmentDecisionsTest {

    private static DmnEngine engine;
    private static DmnDecision weights;
    private static DmnDecision grades;

    @BeforeAll
    static void parseTheTables() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(Path.of("decisions/assessment-weights.dmn"))) {
            weights = engine.parseDecision("assessment-weights", model);
        }
        try (InputStream model = Files.newInputStream(Path.of("decisions/assessment-grades.dmn"))) {
            grades = engine.parseDecision("assessment-grades", model);
        }
    }

    @ParameterizedTest(name = "{0}: {1} weighs {2} ({3})")
    @CsvSource(textBlock = """
            department,        handlingRate,           30, HIGHER
            department,        onTimeHandlingRate,     20, HIGHER
            department,        reworkRate,             20, LOWER
            department,        overduePendingRate,     20, LOWER
            department,        extensionRate,          10, LOWER
            district,          closureRate,            40, HIGHER
            district,          onTimeClosureRate,      40, HIGHER
            district,          publicFirstRate,        20, LOWER
            street,            closureRate,            40, HIGHER
            street,            onTimeClosureRate,      40, HIGHER
            street,            publicFirstRate,        20, LOWER
            supervisor,        validReportRate,        40, HIGHER
            supervisor,        missRate,               20, LOWER
            supervisor,        onTimeVerificationRate, 20, HIGHER
            supervisor,        onTimeCheckRate,        20, HIGHER
            operator,          acceptanceVolume,       20, HIGHER
            operator,          onTimeAcceptanceRate,   80, HIGHER
            shift-leader,      onTimeRegistrationRate, 25, HIGHER
            shift-leader,      registrationAccuracy,   40, HIGHER
            shift-leader,      onTimeClosureRate,      35, HIGHER
            dispatcher,        dispatchVolume,         20, HIGHER
            dispatcher,        onTimeDispatchRate,     40, HIGHER
            dispatcher,        dispatchAccuracy,       40, HIGHER
            district-combined, caseScore,              85, HIGHER
            district-combined, specialScore,            3, HIGHER
            district-combined, onSiteScore,            12, HIGHER
            """)
    void eachRuleGivesItsIndicatorAWeightAndADirection(String level, String indicator, double weight,
                                                       String better) {
        assertThat(rowsOf(level)).containsEntry(indicator, weight + " " + better);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"department", "district", "street", "supervisor", "operator", "shift-leader",
        "dispatcher", "district-combined"})
    void theWeightsOfEachLevelAddUpToOneHundredAndNameOnlyItsPercentages(String level) {
        double total = engine.evaluateDecision(weights, Variables.createVariables().putValue("level", level))
                .getResultList().stream().mapToDouble(row -> ((Number) row.get("weight")).doubleValue()).sum();

        assertThat(total).isEqualTo(100.0);
        List<String> percentages = (level.equals("district-combined") ? Indicators.COMBINED
                : Indicators.of(AssessmentLevel.byId(level).orElseThrow())).stream()
                .filter(i -> i.kind() == Indicator.Kind.PERCENT).map(Indicator::id).toList();
        assertThat(rowsOf(level).keySet()).isSubsetOf(percentages);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"mayor", ""})
    void anUnknownLevelHasNoWeights(String level) {
        assertThat(rowsOf(level)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            100,   A
            90,    A
            89.99, B
            75,    B
            74.99, C
            60,    C
            59.99, D
            40,    D
            39.99, E
            0,     E
            """)
    void gradesFollowTheBandsWithEachBoundaryInTheHigherGrade(double score, String grade) {
        assertThat(engine.evaluateDecision(grades, Variables.createVariables().putValue("score", score))
                .getSingleResult().<String>getEntry("grade")).isEqualTo(grade);
    }

    private static Map<String, String> rowsOf(String level) {
        return engine.evaluateDecision(weights, Variables.createVariables().putValue("level", level))
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (String) row.get("indicator"),
                        row -> ((Number) row.get("weight")).doubleValue() + " " + row.get("better")));
    }
}
