package org.citycase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The seed catalogue {@code config/seed/catalogue.yaml} read as plain YAML: well-formed codes, Chinese texts, and
 * departments that the dispatch-routing table can rely on.
 */
class CatalogueConsistencyTest {

    private static final Path CATALOGUE = Path.of("config/seed/catalogue.yaml");
    private static final Path ROUTING = Path.of("decisions/dispatch-routing.dmn");
    private static final String HAN = ".*\\p{IsHan}.*";

    private static List<Map<String, Object>> categories;
    private static List<Map<String, Object>> departments;
    private static List<Map<String, Object>> districts;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheCatalogue() throws IOException {
        try (Reader reader = Files.newBufferedReader(CATALOGUE)) {
            Map<String, Map<String, Map<String, Object>>> root = new Yaml().load(reader);
            Map<String, Object> catalogue = root.get("citycase").get("catalogue");
            categories = (List<Map<String, Object>>) catalogue.get("categories");
            departments = (List<Map<String, Object>>) catalogue.get("departments");
            districts = (List<Map<String, Object>>) catalogue.get("districts");
        }
    }

    @Test
    void routesOnlyToDepartmentsOfTheCatalogue() {
        Set<String> routedTo = Dmn.readModelFromFile(ROUTING.toFile())
                .getModelElementsByType(OutputEntry.class).stream()
                .map(entry -> entry.getText().getTextContent().trim())
                .map(text -> text.replaceAll("^\"|\"$", ""))
                .collect(Collectors.toSet());

        assertThat(routedTo).isNotEmpty().isSubsetOf(codesOf(departments));
    }

    @Test
    void codesEveryCategoryAsComponentOrEventThenMajorAndMinorClass() {
        assertThat(categories).allSatisfy(category -> {
            String code = text(category, "code");
            assertThat(code).matches("^[CE]\\d{4}$");
            assertThat(text(category, "kind")).isEqualTo(code.startsWith("C") ? "COMPONENT" : "EVENT");
            assertThat(text(category, "majorClass")).isEqualTo(code.substring(1, 3));
        });
    }

    @Test
    void givesEachMajorClassOneNamePerKind() {
        Map<String, Set<String>> namesOfMajorClass = categories.stream().collect(Collectors.groupingBy(
                category -> text(category, "kind") + " " + text(category, "majorClass"),
                Collectors.mapping(category -> text(category, "majorName"), Collectors.toSet())));

        assertThat(namesOfMajorClass.values()).allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void neverRepeatsACategoryDepartmentOrDistrictCode() {
        assertThat(codesOf(categories)).doesNotHaveDuplicates();
        assertThat(codesOf(departments)).doesNotHaveDuplicates();
        assertThat(codesOf(districts)).doesNotHaveDuplicates();
    }

    @Test
    void givesEveryCategoryAChineseNameConditionsAndHandlingLimit() {
        assertThat(categories).allSatisfy(category -> {
            for (String field : List.of("name", "majorName", "registrationCondition", "closingCondition",
                    "handlingLimit")) {
                assertThat(text(category, field)).as("%s of %s", field, category.get("code"))
                        .isNotBlank()
                        .matches(HAN);
            }
            assertThat(category.get("publicReport")).as("publicReport of %s", category.get("code"))
                    .isInstanceOf(Boolean.class);
        });
    }

    @Test
    void listsAtLeast28CategoriesAnd10Departments() {
        assertThat(categories).hasSizeGreaterThanOrEqualTo(28);
        assertThat(departments).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void namesEveryDepartmentGroupDeptThenTheLowerCaseDepartmentCode() {
        assertThat(departments).allSatisfy(department -> {
            String code = text(department, "code");
            assertThat(code).matches("^[A-Z][A-Z-]{0,31}$");
            assertThat(text(department, "group")).startsWith("dept-")
                    .isEqualTo("dept-" + code.toLowerCase(Locale.ROOT));
            assertThat(text(department, "name")).matches(HAN);
        });
    }

    @Test
    void servesOnlyDistrictsOfTheCatalogue() {
        List<String> servedDistricts = departments.stream()
                .filter(department -> department.get("districtCode") != null)
                .map(department -> text(department, "districtCode"))
                .toList();

        assertThat(servedDistricts).isNotEmpty().isSubsetOf(codesOf(districts));
        assertThat(districts).allSatisfy(district -> {
            assertThat(text(district, "code")).matches("^\\d{6}$");
            assertThat(text(district, "name")).matches(HAN);
        });
    }

    @Test
    void usesOnlyTheFieldsThatTheCatalogueRecordsBind() {
        assertThat(categories).allSatisfy(entry -> assertThat(fieldsOf(Category.class)).containsAll(entry.keySet()));
        assertThat(departments).allSatisfy(
                entry -> assertThat(fieldsOf(Department.class)).containsAll(entry.keySet()));
        assertThat(districts).allSatisfy(entry -> assertThat(fieldsOf(District.class)).containsAll(entry.keySet()));
    }

    private static List<String> codesOf(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> text(entry, "code")).toList();
    }

    private static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        assertThat(value).as("%s of %s", field, entry.get("code")).isInstanceOf(String.class);
        return (String) value;
    }

    private static Set<String> fieldsOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
