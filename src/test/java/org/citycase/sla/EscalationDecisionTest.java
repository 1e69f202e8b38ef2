package org.citycase.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.citycase.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision table {@code escalation} evaluated by the DMN engine alone: one test per rule and boundary. */
class EscalationDecisionTest {

    private static final Path MODEL = Path.of("decisions/escalation.dmn");
    private static final String DEPARTMENT = "dept-sanitation-east";

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("escalation", model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"acknowledge", "handle"})
    void theFirstLevelOfADepartmentStageTellsTheDepartmentAndTheCommandCentreWhichSupervises(String stage) {
        assertThat(rule(stage, 1)).isEqualTo(new EscalationRule(List.of(DEPARTMENT, "command-centre"),
                "command-centre", true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"acknowledge", "handle"})
    void theSecondLevelOfADepartmentStageAlsoTellsTheLeadersWhoSupervise(String stage) {
        assertThat(rule(stage, 2)).isEqualTo(new EscalationRule(List.of(DEPARTMENT, "command-centre", "leaders"),
                "leaders", true));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource(textBlock = """
            acknowledge, 3
            handle,      3
            handle,      9
            """)
    void fromTheThirdLevelADepartmentStageTellsTheDepartmentAndTheLeadersAndStopsEscalating(String stage, int level) {
        assertThat(rule(stage, level)).isEqualTo(new EscalationRule(List.of(DEPARTMENT, "leaders"), null, false));
    }

    @Test
    void theFirstLevelOfDispatchTellsTheDispatchersAndTheCommandCentre() {
        assertThat(rule("dispatch", 1)).isEqualTo(new EscalationRule(List.of("dispatchers", "command-centre"), null,
                true));
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = {2, 5})
    void fromTheSecondLevelOfDispatchTheCommandCentreSupervisesAndEscalationStops(int level) {
        assertThat(rule("dispatch", level)).isEqualTo(new EscalationRule(List.of("command-centre"), "command-centre",
                false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"accept", "verify", "register", "check", "close"})
    void theFirstLevelOfASupervisionCentreStageTellsTheShiftLeaders(String stage) {
        assertThat(rule(stage, 1)).isEqualTo(new EscalationRule(List.of("shift-leaders"), null, true));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource(textBlock = """
            accept,   2
            verify,   2
            register, 3
            check,    2
            close,    4
            """)
    void fromTheSecondLevelOfASupervisionCentreStageTheLeadersSuperviseAndEscalationStops(String stage, int level) {
        assertThat(rule(stage, level)).isEqualTo(new EscalationRule(List.of("shift-leaders", "leaders"), "leaders",
                false));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource(textBlock = """
            review,      1
            handle,      0
            acknowledge, -1
            ,            1
            """)
    void anythingElseOnlyTellsTheCommandCentreOnce(String stage, int level) {
        assertThat(rule(stage, level)).isEqualTo(new EscalationRule(List.of("command-centre"), null, false));
    }

    @Test
    void aLevelWithoutASupervisionTaskGivesNoGroupRatherThanABlankOne() {
        DmnDecisionResultEntries result = evaluate("dispatch", 1);

        assertThat(result.getEntryMap()).containsEntry("supervisionGroup", null);
    }

    @Test
    void hasOneRuleForEachCaseAboveEndingWithTheCatchAll() {
        DecisionTable table = Dmn.readModelFromFile(MODEL.toFile()).getModelElementById("escalation-table");
        Collection<Rule> rules = table.getRules();

        assertThat(rules).hasSize(8);
        assertThat(List.copyOf(rules).get(7).getInputEntries())
                .allSatisfy(entry -> assertThat(entry.getText().getTextContent().trim()).isEqualTo("-"));
    }

    @Test
    void everyGroupTheTableNamesIsAStaffGroupOrTheDepartmentOfTheCase() {
        Collection<OutputEntry> outputs = Dmn.readModelFromFile(MODEL.toFile()).getModelElementsByType(
                OutputEntry.class);
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(outputs.stream()
                .map(entry -> entry.getText().getTextContent()).collect(Collectors.joining(" ")));
        List<String> groups = new ArrayList<>();
        while (quoted.find()) {
            Arrays.stream(quoted.group(1).split(",")).map(String::strip).filter(g -> !g.isEmpty())
                    .forEach(groups::add);
        }

        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(Roles.STAFF_GROUPS).containsKey(group));
        assertThat(outputs).extracting(entry -> entry.getText().getTextContent())
                .filteredOn(text -> text.contains("departmentGroup"))
                .allSatisfy(text -> assertThat(text).startsWith("departmentGroup + \""));
    }

    private static EscalationRule rule(String stage, int level) {
        DmnDecisionResultEntries result = evaluate(stage, level);
        return EscalationRule.of((String) result.getEntryMap().get("notifyGroups"),
                (String) result.getEntryMap().get("supervisionGroup"),
                (Boolean) result.getEntryMap().get("escalateFurther"));
    }

    private static DmnDecisionResultEntries evaluate(String stage, int level) {
        return engine.evaluateDecision(decision, Variables.createVariables().putValue("stage", stage)
                .putValue("escalationLevel", level).putValue("departmentGroup", DEPARTMENT)).getSingleResult();
    }
}
