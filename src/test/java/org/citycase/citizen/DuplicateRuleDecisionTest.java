package org.citycase.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision table {@code duplicate-rule} evaluated by the DMN engine alone, one test per rule. */
class DuplicateRuleDecisionTest {

    private static final Path MODEL = Path.of("decisions/duplicate-rule.dmn");

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("duplicate-rule", model);
        }
    }

    @ParameterizedTest(name = "{0}: {1} m, {2} h")
    @CsvSource(textBlock = """
            E0101, 100, 168
            C0110, 100, 24
            E0111, 100, 12
            E0105, 200, 24
            """)
    void givesTheCategoriesOfItsOwnRowsTheirRadiusAndWindow(String category, int radius, int hours) {
        assertThat(evaluate(category)).containsEntry("radiusMeters", radius).containsEntry("windowHours", hours);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"E0102", "C0101", "E0401", "E9999", ""})
    void givesEveryOtherCategoryFiftyMetresAndOneDay(String category) {
        assertThat(evaluate(category)).containsEntry("radiusMeters", 50).containsEntry("windowHours", 24);
    }

    @Test
    void endsWithTheDefaultRowAndKeepsEveryRadiusBelowTheSpacingOfTestPoints() {
        List<Rule> rules = List.copyOf(((DecisionTable) Dmn.readModelFromFile(MODEL.toFile())
                .getModelElementById("duplicate-rule-table")).getRules());

        assertThat(rules).hasSize(5);
        assertThat(rules.get(rules.size() - 1).getInputEntries().iterator().next().getTextContent().trim())
                .isEqualTo("-");
        assertThat(rules).allSatisfy(rule -> assertThat(Integer.parseInt(List.copyOf(rule.getOutputEntries()).get(0)
                .getTextContent().trim())).as("radius of %s", rule.getId()).isLessThan(380));
    }

    private static DmnDecisionResultEntries evaluate(String category) {
        return engine.evaluateDecision(decision, Variables.createVariables().putValue("categoryCode", category))
                .getSingleResult();
    }
}
