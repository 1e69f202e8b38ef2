package org.citycase.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision table {@code reward} evaluated by the DMN engine alone, one test per rule. */
class RewardDecisionTest {

    private static final Path MODEL = Path.of("decisions/reward.dmn");

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("reward", model);
        }
    }

    @ParameterizedTest(name = "{0}: {1} yuan")
    @CsvSource(textBlock = """
            E0101, 10
            E0401, 5
            """)
    void paysMoreForTheCategoriesOfItsOwnRows(String category, double yuan) {
        assertThat(amount(category)).isEqualTo(yuan);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"E0102", "C0101", "C0110", "E9999", ""})
    void paysTwoYuanForEveryOtherCategory(String category) {
        assertThat(amount(category)).isEqualTo(2.0);
    }

    private static double amount(String category) {
        return engine.evaluateDecision(decision, Variables.createVariables().putValue("categoryCode", category))
                .getSingleResult().<Double>getEntry("amountYuan");
    }
}
