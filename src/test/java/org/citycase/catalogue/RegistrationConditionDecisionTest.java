package org.citycase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The decision table {@code registration-condition} evaluated by the DMN engine alone, checked rule by rule
 * against the seed catalogue it repeats.
 */
class RegistrationConditionDecisionTest {

    private static final Path MODEL = Path.of("decisions/registration-condition.dmn");
    private static final Path CATALOGUE = Path.of("config/seed/catalogue.yaml");
    private static final String NOT_IN_CATALOGUE = "类别不在立案目录内，请核对类别后再立案";

    /** One rule per catalogue category plus the catch-all: change it together with the catalogue. */
    private static final int EXPECTED_RULES = 42;

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("registration-condition", model);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("catalogueCategories")
    void proposesRegistrationOfEveryCatalogueCategoryWithItsCatalogueCondition(
            String code, String name, String registrationCondition) {
        DmnDecisionResultEntries result = evaluate(code);

        assertThat((Boolean) result.getEntry("proposeRegistration")).isTrue();
        assertThat((String) result.getEntry("conditionText")).isEqualTo(registrationCondition);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("catalogueCategories")
    void describesTheRuleOfEveryCatalogueCategoryWithTheCategoryName(String code, String name) {
        List<Rule> rulesOfCategory = rules().stream()
                .filter(rule -> categoryEntry(rule).equals('"' + code + '"'))
                .toList();

        assertThat(rulesOfCategory).singleElement()
                .extracting(rule -> rule.getDescription().getTextContent())
                .isEqualTo(name);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"E9999", "C0199", "e0102", " E0102", "E01020", "上水井盖"})
    void refusesACategoryOutsideTheCatalogueAndAsksToCheckIt(String categoryCode) {
        DmnDecisionResultEntries result = evaluate(categoryCode);

        assertThat((Boolean) result.getEntry("proposeRegistration")).isFalse();
        assertThat((String) result.getEntry("conditionText")).isEqualTo(NOT_IN_CATALOGUE);
    }

    @Test
    void hasOneRulePerCatalogueCategoryFollowedByACatchAll() {
        List<Rule> rules = List.copyOf(rules());

        assertThat(rules).hasSize(EXPECTED_RULES);
        assertThat(rules).hasSize(readCatalogueCategories().size() + 1);
        assertThat(categoryEntry(rules.get(rules.size() - 1))).isEqualTo("-");
        assertThat(rules.subList(0, rules.size() - 1)).extracting(RegistrationConditionDecisionTest::categoryEntry)
                .allMatch(entry -> entry.matches("\"[CE]\\d{4}\""))
                .doesNotHaveDuplicates();
    }

    private static DmnDecisionResultEntries evaluate(String categoryCode) {
        return engine.evaluateDecision(decision, Variables.createVariables().putValue("categoryCode", categoryCode))
                .getSingleResult();
    }

    private static Collection<Rule> rules() {
        DecisionTable table = Dmn.readModelFromFile(MODEL.toFile())
                .getModelElementById("registration-condition-table");
        return table.getRules();
    }

    private static String categoryEntry(Rule rule) {
        return rule.getInputEntries().iterator().next().getText().getTextContent().trim();
    }

    static Stream<Arguments> catalogueCategories() {
        return readCatalogueCategories().stream()
                .map(category -> Arguments.of(category.get("code"), category.get("name"),
                        category.get("registrationCondition")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readCatalogueCategories() {
        try (Reader reader = Files.newBufferedReader(CATALOGUE)) {
            Map<String, Map<String, Map<String, Object>>> root = new Yaml().load(reader);
            return (List<Map<String, Object>>) root.get("citycase").get("catalogue").get("categories");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CATALOGUE.toAbsolutePath(), e);
        }
    }
}
