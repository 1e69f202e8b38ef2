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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The decision table {@code dispatch-routing} evaluated by the DMN engine alone: every catalogue category in
 * every district against a table of expected departments written out below, then the catch-all rows.
 */
class DispatchRoutingDecisionTest {

    private static final Path MODEL = Path.of("decisions/dispatch-routing.dmn");
    private static final Path CATALOGUE = Path.of("config/seed/catalogue.yaml");

    private static final String EAST = "990101";
    private static final String WEST = "990102";
    private static final String SOUTH = "990103";

    /**
     * 19 categories split by district (three rules each), 22 city-wide categories (one rule each), one
     * catch-all per district and the last catch-all: change it together with the table.
     */
    private static final int EXPECTED_RULES = 19 * 3 + 22 + 3 + 1;

    /** The department each catalogue category goes to in 东城区 (990101), 西城区 (990102) and 南湖区 (990103). */
    static final String EXPECTED_ROUTES = """
            # code, name,         东城区 990101,     西城区 990102,     南湖区 990103
            C0101, 上水井盖,      WATER,             WATER,             WATER
            C0102, 污水井盖,      DRAINAGE,          DRAINAGE,          DRAINAGE
            C0103, 雨水井盖,      DRAINAGE,          DRAINAGE,          DRAINAGE
            C0104, 雨水箅子,      DRAINAGE,          DRAINAGE,          DRAINAGE
            C0105, 电力井盖,      POWER,             POWER,             POWER
            C0106, 路灯井盖,      STREETLIGHT,       STREETLIGHT,       STREETLIGHT
            C0107, 通信井盖,      TELECOM,           TELECOM,           TELECOM
            C0110, 路灯,          STREETLIGHT,       STREETLIGHT,       STREETLIGHT
            C0115, 通信交接箱,    TELECOM,           TELECOM,           TELECOM
            C0205, 过街天桥,      ROADS,             ROADS,             ROADS
            C0211, 交通护栏,      ROADS,             ROADS,             ROADS
            C0213, 路名牌,        ROADS,             ROADS,             ROADS
            C0301, 公共厕所,      SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            C0305, 垃圾箱,        SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            C0307, 广告牌匾,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            C0401, 古树名木,      GREENING,          GREENING,          GREENING
            C0402, 行道树,        GREENING,          GREENING,          GREENING
            C0405, 绿地,          GREENING,          GREENING,          GREENING
            C0501, 宣传栏,        ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0101, 私搭乱建,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0102, 暴露垃圾,      SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0103, 积存垃圾渣土,  SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0104, 道路不洁,      SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0105, 水域不洁,      SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0106, 绿地脏乱,      GREENING,          GREENING,          GREENING
            E0108, 废弃家具设备,  SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0111, 道路积水,      DRAINAGE,          DRAINAGE,          DRAINAGE
            E0201, 非法小广告,    ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0204, 街头散发广告,  ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0301, 施工扰民,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0302, 工地扬尘,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0304, 道路遗撒,      SANITATION-EAST,   SANITATION-WEST,   SANITATION-SOUTH
            E0306, 道路破损,      ROADS,             ROADS,             ROADS
            E0401, 路面塌陷,      ROADS,             ROADS,             ROADS
            E0402, 自来水管破裂,  WATER,             WATER,             WATER
            E0404, 下水道堵塞,    DRAINAGE,          DRAINAGE,          DRAINAGE
            E0406, 架空线缆不规范,TELECOM,           TELECOM,           TELECOM
            E0501, 无照经营游商,  ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0504, 店外经营,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0507, 乱堆物堆料,    ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            E0510, 露天烧烤,      ENFORCEMENT-EAST,  ENFORCEMENT-WEST,  ENFORCEMENT-SOUTH
            """;

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(MODEL)) {
            decision = engine.parseDecision("dispatch-routing", model);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2} / {3} / {4}")
    @CsvSource(textBlock = EXPECTED_ROUTES)
    void routesEveryCatalogueCategoryInEachDistrictToItsResponsibleDepartment(
            String category, String name, String east, String west, String south) {
        assertThat(departmentFor(category, EAST)).as("%s %s in 东城区", category, name).isEqualTo(east);
        assertThat(departmentFor(category, WEST)).as("%s %s in 西城区", category, name).isEqualTo(west);
        assertThat(departmentFor(category, SOUTH)).as("%s %s in 南湖区", category, name).isEqualTo(south);
    }

    @Test
    void expectsARouteForEveryCatalogueCategoryAndForNothingElse() {
        List<String> expectedCategories = EXPECTED_ROUTES.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();

        assertThat(expectedCategories).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(catalogueCategoryCodes().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueCategoryCodes")
    void routesEveryCatalogueCategoryByARuleOfItsOwnRatherThanByTheCatchAll(String category) {
        assertThat(rules()).filteredOn(rule -> categoryTests(rule).contains('"' + category + '"'))
                .isNotEmpty();
    }

    @Test
    void routesExposedGarbageInEachDistrictToThatDistrictsSanitationOffice() {
        assertThat(departmentFor("E0102", EAST)).isEqualTo("SANITATION-EAST");
        assertThat(departmentFor("E0102", WEST)).isEqualTo("SANITATION-WEST");
        assertThat(departmentFor("E0102", SOUTH)).isEqualTo("SANITATION-SOUTH");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"", "990199", "320508"})
    void routesACityWideCategoryToItsDepartmentWhateverTheDistrict(String district) {
        assertThat(departmentFor("C0101", district)).isEqualTo("WATER");
        assertThat(departmentFor("C0110", district)).isEqualTo("STREETLIGHT");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(textBlock = """
            E9999, 990101, ENFORCEMENT-EAST
            E9999, 990102, ENFORCEMENT-WEST
            E9999, 990103, ENFORCEMENT-SOUTH
            C0199, 990102, ENFORCEMENT-WEST
            ,      990103, ENFORCEMENT-SOUTH
            """)
    void sendsACategoryOutsideTheCatalogueToTheEnforcementTeamOfItsDistrict(
            String category, String district, String department) {
        assertThat(departmentFor(category, district)).isEqualTo(department);
    }

    @ParameterizedTest(name = "{0} in [{1}]")
    @CsvSource(textBlock = """
            E9999, 990199
            E9999,
            ,
            E0102, 990199
            E0101,
            """)
    void sendsWhatNoDistrictRuleMatchesToTheEastDistrictEnforcementTeam(String category, String district) {
        assertThat(departmentFor(category, district)).isEqualTo("ENFORCEMENT-EAST");
    }

    @Test
    void hasTheExpectedRulesEndingWithTheCatchAllsForEachDistrictAndThenForAnyDistrict() {
        List<Rule> rules = List.copyOf(rules());
        List<String> lastFour = rules.subList(rules.size() - 4, rules.size()).stream()
                .map(rule -> categoryTests(rule) + " / " + districtTests(rule))
                .toList();

        assertThat(rules).hasSize(EXPECTED_RULES);
        assertThat(lastFour).containsExactly(
                "- / \"990101\"", "- / \"990102\"", "- / \"990103\"", "- / -");
    }

    private static String departmentFor(String category, String district) {
        return engine.evaluateDecision(decision, Variables.createVariables()
                        .putValue("categoryCode", category)
                        .putValue("districtCode", district))
                .getSingleResult()
                .getEntry("department");
    }

    private static Collection<Rule> rules() {
        DecisionTable table = Dmn.readModelFromFile(MODEL.toFile()).getModelElementById("dispatch-routing-table");
        return table.getRules();
    }

    private static String categoryTests(Rule rule) {
        return inputEntry(rule, 0);
    }

    private static String districtTests(Rule rule) {
        return inputEntry(rule, 1);
    }

    private static String inputEntry(Rule rule, int index) {
        InputEntry entry = List.copyOf(rule.getInputEntries()).get(index);
        return entry.getText().getTextContent().trim();
    }

    static Stream<String> catalogueCategoryCodes() {
        return readCatalogueCategories().stream().map(category -> (String) category.get("code"));
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
