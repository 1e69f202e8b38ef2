package org.citycase.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The decision table {@code stage-limits} evaluated by the DMN engine alone: one test per rule and boundary, and
 * every handling limit against the catalogue text it repeats.
 */
class StageLimitsDecisionTest {

    private static final Path MODEL = Path.of("decisions/stage-limits.dmn");
    private static final Path CATALOGUE = Path.of("config/seed/catalogue.yaml");

    /** Eight urgent stages, seven ordinary fixed stages, one rule per catalogue category, two catch-alls. */
    private static final int EXPECTED_RULES = 8 + 7 + 41 + 2;

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("stage-limits", model);
        }
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(textBlock = """
            accept,      30, WORKING_MINUTES
            verify,      30, WORKING_MINUTES
            register,    30, WORKING_MINUTES
            dispatch,    30, WORKING_MINUTES
            acknowledge, 30, WORKING_MINUTES
            check,        1, WORKING_HOURS
            close,       30, WORKING_MINUTES
            """)
    void givesEachOrdinaryStageItsLimitInWorkingTimeWithTheDefaultWarning(String stage, long amount, String unit) {
        StageLimit limit = limit(stage, "E0102", false);

        assertThat(limit).isEqualTo(new StageLimit(amount, LimitUnit.valueOf(unit), 0.8));
        assertThat(limit.unit().basis()).isEqualTo(TimeBasis.WORKING);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(textBlock = """
            accept,      10, NATURAL_MINUTES, 0.8
            verify,      30, NATURAL_MINUTES, 0.8
            register,    10, NATURAL_MINUTES, 0.8
            dispatch,    10, NATURAL_MINUTES, 0.8
            acknowledge, 10, NATURAL_MINUTES, 0.8
            handle,       2, NATURAL_HOURS,   0.5
            check,       30, NATURAL_MINUTES, 0.8
            close,       10, NATURAL_MINUTES, 0.8
            """)
    void putsEveryStageOfAnUrgentCaseOnTheNaturalClock(String stage, long amount, String unit, double ratio) {
        assertThat(limit(stage, "E0102", true)).isEqualTo(new StageLimit(amount, LimitUnit.valueOf(unit), ratio));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("catalogueCategories")
    void givesHandlingTheLimitTheCatalogueStatesForTheCategory(String code, String name, String handlingLimit) {
        assertThat(limit("handle", code, false)).isEqualTo(fromCatalogueText(handlingLimit));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("catalogueCategories")
    void handlesEveryCatalogueCategoryByARuleOfItsOwn(String code, String name) {
        assertThat(rules()).filteredOn(rule -> inputEntry(rule, 1).equals('"' + code + '"')).singleElement()
                .satisfies(rule -> assertThat(rule.getDescription().getTextContent()).contains(name));
    }

    @Test
    void theUrgentHandlingLimitBeatsEvenACategoryThatIsAlreadyOnTheNaturalClock() {
        assertThat(limit("handle", "C0101", false)).isEqualTo(new StageLimit(3, LimitUnit.NATURAL_HOURS, 0.8));
        assertThat(limit("handle", "C0101", true)).isEqualTo(new StageLimit(2, LimitUnit.NATURAL_HOURS, 0.5));
    }

    @Test
    void aTwoPartCatalogueLimitTakesItsLastPartTheOneTheCaseClosesOn() {
        assertThat(limit("handle", "E0101", false)).isEqualTo(new StageLimit(20, LimitUnit.WORKING_DAYS, 0.8));
        assertThat(limit("handle", "E0401", false)).isEqualTo(new StageLimit(3, LimitUnit.WORKING_DAYS, 0.8));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"E9999", "e0102", "C01010"})
    void handlesACategoryOutsideTheCatalogueWithinOneWorkingDay(String category) {
        assertThat(limit("handle", category, false)).isEqualTo(new StageLimit(1, LimitUnit.WORKING_DAYS, 0.8));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"review", "Handle", "ACCEPT"})
    void givesAStageTheTableDoesNotKnowOneWorkingDay(String stage) {
        assertThat(limit(stage, "E0102", false)).isEqualTo(new StageLimit(1, LimitUnit.WORKING_DAYS, 0.8));
        assertThat(limit(stage, "E0102", true)).isEqualTo(new StageLimit(1, LimitUnit.WORKING_DAYS, 0.8));
    }

    @Test
    void everyRuleNamesAUnitCitycaseKnowsAndARatioBetweenZeroAndOne() {
        assertThat(rules()).allSatisfy(rule -> {
            List<String> outputs = rule.getOutputEntries().stream()
                    .map(entry -> entry.getText().getTextContent().trim()).toList();
            assertThat(LimitUnit.valueOf(outputs.get(1).replace("\"", ""))).isNotNull();
            assertThat(Double.parseDouble(outputs.get(2))).isGreaterThan(0).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void hasTheExpectedRulesEndingWithTheCatchAllForHandlingThenForAnyStage() {
        List<Rule> rules = List.copyOf(rules());

        assertThat(rules).hasSize(EXPECTED_RULES);
        assertThat(rules.subList(rules.size() - 2, rules.size()))
                .extracting(rule -> inputEntry(rule, 0) + " / " + inputEntry(rule, 1) + " / " + inputEntry(rule, 2))
                .containsExactly("\"handle\" / - / -", "- / - / -");
    }

    private static StageLimit limit(String stage, String category, boolean urgent) {
        DmnDecisionResultEntries result = engine.evaluateDecision(decision, Variables.createVariables()
                        .putValue("stage", stage).putValue("categoryCode", category).putValue("urgent", urgent))
                .getSingleResult();
        Number amount = result.getEntry("amount");
        Number ratio = result.getEntry("warningRatio");
        return new StageLimit(amount.longValue(), LimitUnit.valueOf(result.getEntry("unit")), ratio.doubleValue());
    }

    /** Reads a catalogue limit such as {@code 4工作小时} or {@code 停工4工作小时/拆除20工作日} (the last part). */
    static StageLimit fromCatalogueText(String text) {
        String last = text.substring(text.lastIndexOf('/') + 1);
        Matcher matcher = Pattern.compile("(\\d+)(自然小时|工作小时|工作日)$").matcher(last);
        assertThat(matcher.find()).as("catalogue limit '%s'", text).isTrue();
        LimitUnit unit = switch (matcher.group(2)) {
            case "自然小时" -> LimitUnit.NATURAL_HOURS;
            case "工作小时" -> LimitUnit.WORKING_HOURS;
            default -> LimitUnit.WORKING_DAYS;
        };
        return new StageLimit(Long.parseLong(matcher.group(1)), unit, 0.8);
    }

    private static Collection<Rule> rules() {
        DecisionTable table = Dmn.readModelFromFile(MODEL.toFile()).getModelElementById("stage-limits-table");
        return table.getRules();
    }

    private static String inputEntry(Rule rule, int index) {
        InputEntry entry = List.copyOf(rule.getInputEntries()).get(index);
        return entry.getText().getTextContent().trim();
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> catalogueCategories() {
        try (Reader reader = Files.newBufferedReader(CATALOGUE)) {
            Map<String, Map<String, Map<String, Object>>> root = new Yaml().load(reader);
            List<Map<String, Object>> categories = (List<Map<String, Object>>) root.get("citycase").get("catalogue")
                    .get("categories");
            return categories.stream().map(c -> Arguments.of(c.get("code"), c.get("name"), c.get("handlingLimit")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CATALOGUE.toAbsolutePath(), e);
        }
    }
}
