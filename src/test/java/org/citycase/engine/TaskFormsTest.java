package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Var;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the Camunda Forms of the user tasks in {@code processes/} against the model, the process
 * variables and the seed catalogue, without starting an engine: a renamed key, a lost required flag or a
 * department missing from the dispatch list fails here instead of in Tasklist.
 */
class TaskFormsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final List<Path> MODELS = List.of(PROCESSES.resolve("case-lifecycle.bpmn"),
            PROCESSES.resolve("stage-escalation.bpmn"));
    private static final Path CATALOGUE = Path.of("config", "seed", "catalogue.yaml");

    /** The schema version of the form-js viewer bundled with the Camunda 7.24 Tasklist. */
    private static final int TASKLIST_SCHEMA_VERSION = 16;

    /** The case as every form shows it, read-only: key and label. */
    private static final Map<String, String> CASE_FIELDS = orderedMap(
            Var.CASE_NUMBER, "案件编号",
            Var.CATEGORY_NAME, "案件类别",
            Var.SOURCE_NAME, "来源",
            Var.ADDRESS, "地址",
            Var.DESCRIPTION, "问题描述",
            Var.PHOTO_LINKS, "照片链接");

    /** What each form asks the user to decide: the keys of its editable fields. */
    private static final Map<String, Set<String>> DECISIONS = Map.ofEntries(
            entry("accept-form", Set.of("acceptNote", Var.DUPLICATE_OF)),
            entry("verify-form", Set.of(Var.VERIFIED, "verificationNote")),
            entry("register-form", Set.of(Var.REGISTERED, Var.REJECTION_REASON)),
            entry("dispatch-form", Set.of(Var.DEPARTMENT)),
            entry("acknowledge-form", Set.of()),
            entry("handle-form", Set.of(Var.OUTCOME, Var.FEEDBACK, Clock.EXTENSION_HOURS)),
            entry("extension-approval-form", Set.of(Clock.EXTENSION_APPROVED, Clock.EXTENSION_HOURS,
                    Clock.EXTENSION_NOTE)),
            entry("suspension-approval-form", Set.of(Clock.SUSPENSION_APPROVED, Clock.SUSPENSION_NOTE)),
            entry("resume-form", Set.of(Clock.RESUMPTION_NOTE)),
            entry("check-form", Set.of(Var.FIXED, "checkNote")),
            entry("close-form", Set.of("closingNote")),
            entry("supervise-form", Set.of(StageEscalation.Var.SUPERVISION_NOTE)));

    /** What each form shows read-only besides the case. */
    private static final Map<String, Set<String>> CONTEXT = Map.ofEntries(
            entry("accept-form", Set.of()),
            entry("verify-form", Set.of()),
            entry("register-form", Set.of("registrationCondition", "proposeRegistration")),
            entry("dispatch-form", Set.of(Var.PROPOSED_DEPARTMENT)),
            entry("acknowledge-form", Set.of(Var.DEPARTMENT_NAME)),
            entry("handle-form", Set.of(Var.DEPARTMENT_NAME)),
            entry("extension-approval-form", Set.of(Var.DEPARTMENT_NAME, Var.FEEDBACK)),
            entry("suspension-approval-form", Set.of(Var.DEPARTMENT_NAME, Var.FEEDBACK)),
            entry("resume-form", Set.of(Var.DEPARTMENT_NAME, Var.FEEDBACK, Clock.SUSPENSION_NOTE)),
            entry("check-form", Set.of(Var.FEEDBACK)),
            entry("close-form", Set.of(Var.FEEDBACK, "checkNote")),
            entry("supervise-form", Set.of(Clock.STAGE_NAME, StageEscalation.Var.SUPERVISION_LEVEL,
                    Var.DEPARTMENT_NAME)));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyUserTaskHasACamundaFormThatShowsTheCase() {
        List<UserTask> userTasks = MODELS.stream()
                .flatMap(model -> Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)
                        .stream())
                .toList();
        assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrder(
                CaseLifecycle.Task.ACCEPT, CaseLifecycle.Task.VERIFY, CaseLifecycle.Task.REGISTER,
                CaseLifecycle.Task.DISPATCH, CaseLifecycle.Task.ACKNOWLEDGE, CaseLifecycle.Task.HANDLE,
                CaseLifecycle.Task.APPROVE_EXTENSION, CaseLifecycle.Task.APPROVE_EXTENSION_BY_LEADER,
                CaseLifecycle.Task.APPROVE_SUSPENSION, CaseLifecycle.Task.RESUME,
                CaseLifecycle.Task.CHECK, CaseLifecycle.Task.CLOSE, StageEscalation.Element.SUPERVISE);
        assertThat(userTasks).allSatisfy(task -> {
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as("formRef of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("latest");
            assertThat(task.getCamundaFormKey()).as("formKey of %s", task.getId()).isNull();
            Path file = PROCESSES.resolve(formRef + ".form");
            assertThat(file).as("form of %s", task.getId()).isRegularFile();
            JsonNode form = read(file);
            assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(formRef);

            JsonNode caseGroup = form.path("components").path(0);
            assertThat(caseGroup.path("type").asText()).as("first component of %s", file).isEqualTo("group");
            assertThat(caseGroup.path("label").asText()).as("first component of %s", file).isEqualTo("案件信息");
            Map<String, String> shown = new LinkedHashMap<>();
            for (JsonNode field : fields(caseGroup)) {
                assertThat(field.path("disabled").asBoolean()).as("%s disabled in %s", key(field), file).isTrue();
                shown.put(key(field), field.path("label").asText());
            }
            assertThat(shown).as("case fields of %s", file).containsExactlyEntriesOf(CASE_FIELDS);
        });
        assertThat(userTasks.stream().map(UserTask::getCamundaFormRef).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(DECISIONS.keySet());
    }

    @Test
    void everyFormIsWrittenForTheCamundaSevenTasklist() {
        assertThat(DECISIONS.keySet()).allSatisfy(formId -> {
            JsonNode form = form(formId);
            assertThat(form.path("type").asText()).isEqualTo("default");
            assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
            assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.");
            assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", formId)
                    .isEqualTo(TASKLIST_SCHEMA_VERSION);
            List<String> ids = components(form).stream().map(c -> c.path("id").asText()).toList();
            assertThat(ids).as("component ids of %s", formId).doesNotContain("").doesNotHaveDuplicates();
            assertThat(fields(form)).extracting(TaskFormsTest::key).as("keys of %s", formId).doesNotHaveDuplicates();
        });
    }

    @Test
    void eachFormLetsTheUserDecideExactlyItsOwnQuestion() {
        assertThat(DECISIONS).allSatisfy((formId, decision) -> assertThat(keys(form(formId), false))
                .as("editable fields of %s", formId).containsExactlyInAnyOrderElementsOf(decision));
    }

    @Test
    void eachFormShowsWhatTheDecisionRestsOnReadOnly() {
        assertThat(CONTEXT).allSatisfy((formId, context) -> {
            Set<String> readOnly = keys(form(formId), true);
            readOnly.removeAll(CASE_FIELDS.keySet());
            assertThat(readOnly).as("read-only fields of %s", formId).containsExactlyInAnyOrderElementsOf(context);
        });
    }

    @Test
    void theDispatchSelectOffersEveryDepartmentOfTheCatalogue() {
        Map<String, String> departments = catalogueDepartments();
        assertThat(departments).isNotEmpty();
        JsonNode form = form("dispatch-form");
        for (String key : List.of(Var.DEPARTMENT, Var.PROPOSED_DEPARTMENT)) {
            JsonNode select = field(form, key);
            assertThat(select.path("type").asText()).as("type of %s", key).isEqualTo("select");
            Map<String, String> offered = new LinkedHashMap<>();
            select.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
            assertThat(offered).as("values of %s against %s", key, CATALOGUE).containsExactlyEntriesOf(departments);
        }
    }

    @Test
    void theDepartmentTheOutcomeTheFeedbackAndTheHoursAskedForAreRequired() {
        assertThat(required(field(form("dispatch-form"), Var.DEPARTMENT))).as("department required").isTrue();
        assertThat(required(field(form("handle-form"), Var.OUTCOME))).as("outcome required").isTrue();
        assertThat(required(field(form("handle-form"), Var.FEEDBACK))).as("feedback required").isTrue();
        assertThat(DECISIONS).allSatisfy((formId, decision) -> {
            for (JsonNode field : fields(form(formId))) {
                boolean mustBeRequired = Set.of(Var.DEPARTMENT, Var.OUTCOME).contains(key(field))
                        || "handle-form".equals(formId)
                        && Set.of(Var.FEEDBACK, Clock.EXTENSION_HOURS).contains(key(field));
                assertThat(required(field)).as("required flag of %s in %s", key(field), formId)
                        .isEqualTo(mustBeRequired && !field.path("disabled").asBoolean());
            }
        });
    }

    @Test
    void theOutcomeIsOneOfTheValuesTheGatewayTests() {
        JsonNode outcome = field(form("handle-form"), Var.OUTCOME);
        assertThat(outcome.path("type").asText()).isEqualTo("radio");
        Map<String, String> values = new LinkedHashMap<>();
        outcome.path("values").forEach(v -> values.put(v.path("value").asText(), v.path("label").asText()));
        assertThat(values).containsExactly(
                entry(Outcome.HANDLED, "处置完毕"),
                entry(Outcome.RETURNED, "回退：非本部门职责"),
                entry(Outcome.EXTENSION, "申请延期：时限内无法完成"),
                entry(Outcome.SUSPENSION, "申请挂账：暂不具备处置条件"));
    }

    @Test
    void theHoursOfAnExtensionAreAskedForOnlyWithAnExtensionAndInWholeHours() {
        JsonNode asked = field(form("handle-form"), Clock.EXTENSION_HOURS);
        JsonNode granted = field(form("extension-approval-form"), Clock.EXTENSION_HOURS);

        assertThat(asked.path("conditional").path("hide").asText()).isEqualTo("=outcome != \"EXTENSION\"");
        assertThat(granted.path("conditional").path("hide").asText()).isEqualTo("=extensionApproved != true");
        assertThat(List.of(asked, granted)).allSatisfy(hours -> {
            assertThat(hours.path("type").asText()).isEqualTo("number");
            assertThat(hours.path("decimalDigits").asInt()).isZero();
            assertThat(hours.path("validate").path("min").asInt()).isEqualTo(1);
        });
    }

    @Test
    void decisionsAreTakenWithCheckboxesAndTheRejectionReasonHidesOnceRegistered() {
        assertThat(field(form("verify-form"), Var.VERIFIED).path("type").asText()).isEqualTo("checkbox");
        assertThat(field(form("register-form"), Var.REGISTERED).path("type").asText()).isEqualTo("checkbox");
        assertThat(field(form("check-form"), Var.FIXED).path("type").asText()).isEqualTo("checkbox");
        assertThat(field(form("extension-approval-form"), Clock.EXTENSION_APPROVED).path("type").asText())
                .isEqualTo("checkbox");
        assertThat(field(form("suspension-approval-form"), Clock.SUSPENSION_APPROVED).path("type").asText())
                .isEqualTo("checkbox");
        assertThat(field(form("register-form"), Var.REJECTION_REASON).path("conditional").path("hide").asText())
                .isEqualTo("=" + Var.REGISTERED);
    }

    private static JsonNode form(String formId) {
        return read(PROCESSES.resolve(formId + ".form"));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** All components of a form or group, groups included, depth first. */
    private static List<JsonNode> components(JsonNode parent) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : parent.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    /** The components that bind a variable. */
    private static List<JsonNode> fields(JsonNode parent) {
        return components(parent).stream().filter(c -> c.hasNonNull("key")).toList();
    }

    private static JsonNode field(JsonNode form, String key) {
        return fields(form).stream().filter(f -> key.equals(key(f))).findFirst()
                .orElseThrow(() -> new AssertionError("No field '" + key + "' in " + form.path("id").asText()));
    }

    private static Set<String> keys(JsonNode form, boolean readOnly) {
        return fields(form).stream()
                .filter(f -> (f.path("disabled").asBoolean() || f.path("readonly").asBoolean()) == readOnly)
                .map(TaskFormsTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(JsonNode field) {
        return field.path("key").asText();
    }

    private static boolean required(JsonNode field) {
        return field.path("validate").path("required").asBoolean();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> catalogueDepartments() {
        try (Reader reader = Files.newBufferedReader(CATALOGUE, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml().load(reader);
            Map<String, Object> catalogue = (Map<String, Object>) ((Map<String, Object>) root.get("citycase"))
                    .get("catalogue");
            Map<String, String> departments = new LinkedHashMap<>();
            for (Map<String, Object> department : (List<Map<String, Object>>) catalogue.get("departments")) {
                departments.put(String.valueOf(department.get("code")), String.valueOf(department.get("name")));
            }
            return departments;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CATALOGUE, e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
