package org.citycase.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.citycase.sla.process.CityTime.at;
import static org.citycase.sla.process.CityTime.clock;
import static org.citycase.sla.process.CityTime.instant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestUsers;
import org.citycase.TestPoints;
import org.citycase.casefile.CaseEscalation;
import org.citycase.casefile.CaseNotice;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.StageFacts;
import org.citycase.casefile.StageLight;
import org.citycase.casefile.StageRecord;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Stage;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.engine.ModelFolderDeployer;
import org.citycase.engine.StageEscalation;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The time limits of {@code case-lifecycle} on their paths: warnings, escalation levels, extensions, suspension,
 * returns and reworks, limits across weekends and holidays. Time moves by setting the engine clock; timers fire
 * by executing their jobs, never by waiting. Exposed garbage (E0102) is handled within 4 working hours by the
 * sanitation office of 东城区; department stages are acknowledged within 30 working minutes. One test deploys a
 * changed limits table and deploys the table of the decisions folder again afterwards.
 */
@CitycaseSpringTest
class StageTimeLimitsProcessTest {

    private static final String SANITATION_EAST = "dept-sanitation-east";
    private static final String COMMANDER = "t-commander";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IntakeService intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    StageFacts facts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ModelFolderDeployer deployer;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void useEngine() {
        BpmnAwareTests.init(engine);
    }

    @TempDir
    Path temp;
    private boolean limitsChanged;
    private boolean earlierModelDeployed;

    @AfterEach
    void giveTheEngineItsRealClockAndTheLimitsOfTheDecisionsFolderBack() {
        ClockUtil.reset();
        if (limitsChanged) {
            deployer.deploy(engine, Path.of("decisions"));
        }
        if (earlierModelDeployed) {
            deployer.deploy(engine, Path.of("processes"));
        }
    }

    @Test
    void aNewVersionOfTheLimitsTableAppliesAtOnceToStagesStartingAfterItsDeployment() throws IOException {
        ProcessInstance before = dispatchedAt("2026-03-10T09:00", false);
        Path decisions = Files.createDirectories(temp.resolve("decisions"));
        String table = Files.readString(Path.of("decisions", "stage-limits.dmn"));
        String acknowledgeIn30 = "<outputEntry id=\"rule-acknowledge-amount\"><text>30</text></outputEntry>";
        assertThat(table).contains(acknowledgeIn30);
        Files.writeString(decisions.resolve("stage-limits.dmn"), table.replace(acknowledgeIn30,
                acknowledgeIn30.replace("30", "45")));

        ClockUtil.reset(); // deployments are ordered by time: this one must come after the folder's
        limitsChanged = deployer.deploy(engine, decisions) != null;
        ProcessInstance after = dispatchedAt("2026-03-10T09:00", false);

        assertThat(limitsChanged).isTrue();
        assertThat(task(after).getDueDate()).isEqualTo(at("2026-03-10T09:45"));
        assertThat(timer(after, Stage.overdueTimer(Task.ACKNOWLEDGE)).getDuedate()).isEqualTo(at("2026-03-10T09:45"));
        assertThat(task(before).getDueDate()).as("a stage already running keeps its limit")
                .isEqualTo(at("2026-03-10T09:30"));
    }

    @Test
    void anUnacknowledgedDispatchTurnsYellowThenRedThenEscalatesToTheSecondLevel() {
        ProcessInstance instance = dispatchedAt("2026-03-10T09:00", false);
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T09:30"));
        assertThat(timer(instance, Stage.warningTimer(Task.ACKNOWLEDGE)).getDuedate())
                .isEqualTo(at("2026-03-10T09:24"));
        assertThat(timer(instance, Stage.overdueTimer(Task.ACKNOWLEDGE)).getDuedate())
                .isEqualTo(task(instance).getDueDate());

        fireTimersAt(instance, "2026-03-10T09:23");
        assertThat(stage(instance, Task.ACKNOWLEDGE).light()).isEqualTo(StageLight.GREEN);
        fireTimersAt(instance, "2026-03-10T09:24");
        StageRecord yellow = stage(instance, Task.ACKNOWLEDGE);
        assertThat(yellow.light()).isEqualTo(StageLight.YELLOW);
        assertThat(yellow.warnedAt().toInstant()).isEqualTo(instant("2026-03-10T09:24"));
        assertThat(notices(instance)).extracting(CaseNotice::kind, CaseNotice::recipientGroup)
                .containsExactly(tuple("WARNING", SANITATION_EAST));

        fireTimersAt(instance, "2026-03-10T09:30");
        assertThat(stage(instance, Task.ACKNOWLEDGE).light()).isEqualTo(StageLight.RED);
        assertThat(supervisionTasks(instance)).singleElement().satisfies(supervision -> {
            assertThat(candidateGroups(supervision.getId())).containsExactly("command-centre");
            assertThat(tasks.getVariable(supervision.getId(), StageEscalation.Var.SUPERVISION_LEVEL)).isEqualTo(1L);
            assertThat(tasks.getVariable(supervision.getId(), Clock.STAGE_NAME)).isEqualTo("签收");
        });
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);

        fireTimersAt(instance, "2026-03-10T10:00");
        assertThat(facts.escalations(instance.getBusinessKey()))
                .extracting(CaseEscalation::stage, CaseEscalation::escalationLevel, CaseEscalation::supervisionGroup,
                        CaseEscalation::departmentCode)
                .containsExactly(tuple("acknowledge", 1, "command-centre",
                                "SANITATION-EAST"),
                        tuple("acknowledge", 2, "leaders", "SANITATION-EAST"));
        assertThat(supervisionTasks(instance)).extracting(t -> candidateGroups(t.getId()).get(0))
                .containsExactlyInAnyOrder("command-centre", "leaders");
        assertThat(notices(instance)).filteredOn(n -> n.escalationLevel() != null && n.escalationLevel() == 2)
                .extracting(CaseNotice::recipientGroup)
                .containsExactly(SANITATION_EAST, "command-centre", "leaders");
        assertThat(escalationTimers(instance)).singleElement()
                .satisfies(next -> assertThat(next.getDuedate()).isEqualTo(at("2026-03-10T10:30")));

        complete(task(instance));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(supervisionTasks(instance)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
        assertThat(timers(instance)).extracting(Job::getDuedate).allSatisfy(due ->
                assertThat(due).isAfter(at("2026-03-10T10:00")));
        StageRecord late = stage(instance, Task.ACKNOWLEDGE);
        assertThat(late.inTime()).isFalse();
        assertThat(late.light()).isEqualTo(StageLight.RED);
        assertThat(cases.stages(instance.getBusinessKey())).filteredOn(s -> s.stage().equals("supervise"))
                .hasSize(2).allSatisfy(s -> assertThat(s.result()).isEqualTo("CANCELLED"));
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().stage()).isEqualTo(Task.HANDLE);
    }

    @Test
    void theCommandCentreWorksItsSupervisionTaskThroughTheEngineApiAndTheCaseApiShowsTheLights() throws Exception {
        ProcessInstance instance = dispatchedAt("2026-03-10T09:00", false);
        fireTimersAt(instance, "2026-03-10T09:30");
        TestUsers.ensure(identity);
        if (identity.createUserQuery().userId(COMMANDER).count() == 0) {
            User commander = identity.newUser(COMMANDER);
            commander.setPassword(TestUsers.password(COMMANDER));
            identity.saveUser(commander);
            identity.createMembership(COMMANDER, "command-centre");
        }
        TestRestTemplate commander = http.withBasicAuth(COMMANDER, TestUsers.password(COMMANDER));

        JsonNode found = json.readTree(commander.getForObject("/engine-rest/task?processInstanceBusinessKey="
                + instance.getBusinessKey() + "&taskDefinitionKey=" + StageEscalation.Element.SUPERVISE, String.class));
        assertThat(found).hasSize(1);
        String taskId = found.get(0).path("id").asText();
        assertThat(found.get(0).path("name").asText()).isEqualTo("督办");
        assertThat(commander.getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode shown = json.readTree(commander.getForObject("/engine-rest/task/" + taskId + "/form-variables",
                String.class));
        assertThat(shown.at("/stageName/value").asText()).isEqualTo("签收");
        assertThat(shown.at("/supervisionLevel/value").asInt()).isEqualTo(1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(commander.postForEntity("/engine-rest/task/" + taskId + "/complete", new HttpEntity<>(
                "{\"variables\":{\"supervisionNote\":{\"value\":\"已电话督促\",\"type\":\"String\"}}}", headers),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();

        assertThat(supervisionTasks(instance)).isEmpty();
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        JsonNode detail = json.readTree(http.withBasicAuth(TestUsers.LEADER, TestUsers.password(TestUsers.LEADER))
                .getForObject("/api/cases/" + instance.getBusinessKey(), String.class));
        JsonNode acknowledge = detail.path("timeline").get(3);
        assertThat(acknowledge.path("stage").asText()).isEqualTo(Task.ACKNOWLEDGE);
        assertThat(acknowledge.path("light").asText()).isEqualTo("RED");
        assertThat(OffsetDateTime.parse(acknowledge.path("dueAt").asText()).toInstant())
                .isEqualTo(instant("2026-03-10T09:30"));
        assertThat(detail.path("escalations").findValuesAsText("supervisionGroup")).containsExactly("command-centre");
        assertThat(detail.path("notices").findValuesAsText("kind")).contains("WARNING", "ESCALATION");
    }

    @Test
    void theOverdueAndDueTodayFiltersShowAGroupItsLateAndItsPressingTasks() {
        String late = task(dispatchedAt("2026-03-09T09:00", false)).getId();
        String pressing = task(dispatchedAt("2026-03-10T09:00", false)).getId();
        String tomorrow = task(dispatchedAt("2026-03-10T17:50", false)).getId();
        clock("2026-03-10T09:10");

        identity.setAuthentication(TestUsers.SANITATION_EAST, List.of(SANITATION_EAST));
        try {
            assertThat(filtered("已超时")).contains(late).doesNotContain(pressing, tomorrow);
            assertThat(filtered("今日到期")).contains(pressing).doesNotContain(late, tomorrow);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void handlingFinishedInTimeAfterTheWarningLeavesNoTimerAndNoEscalationBehind() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T15:00"));

        fireTimersAt(instance, "2026-03-10T14:12");
        assertThat(stage(instance, Task.HANDLE).light()).isEqualTo(StageLight.YELLOW);
        clock("2026-03-10T14:30");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理完毕"));

        assertThat(instance).isWaitingAt(Task.CHECK);
        assertThat(timers(instance)).hasSize(2);
        assertThat(timer(instance, Stage.warningTimer(Task.CHECK))).isNotNull();
        assertThat(timer(instance, Stage.overdueTimer(Task.CHECK))).isNotNull();
        StageRecord handled = stage(instance, Task.HANDLE);
        assertThat(handled.inTime()).isTrue();
        assertThat(handled.light()).isEqualTo(StageLight.YELLOW);
        fireTimersAt(instance, "2026-03-10T15:00");
        assertThat(facts.escalations(instance.getBusinessKey())).isEmpty();
        assertThat(task(instance).getDueDate()).as("check within one working hour").isEqualTo(at("2026-03-10T15:30"));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndTheTimersOfTheRunningStage() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        String stageRun = activityInstance(instance, Stage.scope(Task.HANDLE));
        String overdueJob = timer(instance, Stage.overdueTimer(Task.HANDLE)).getId();

        clock("2026-03-10T10:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 2L,
                Var.FEEDBACK, "需调用大型机械清运"));
        assertThat(instance).isWaitingAt(Task.APPROVE_EXTENSION);
        assertThat(task(instance)).hasCandidateGroup("dispatchers");
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T15:00"));
        clock("2026-03-10T10:30");
        complete(task(instance), withVariables(Clock.EXTENSION_APPROVED, true, Clock.EXTENSION_HOURS, 2L));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T17:00"));
        assertThat(activityInstance(instance, Stage.scope(Task.HANDLE))).as("the same run of the stage")
                .isEqualTo(stageRun);
        assertThat(timer(instance, Stage.overdueTimer(Task.HANDLE)).getId()).isEqualTo(overdueJob);
        assertThat(timer(instance, Stage.overdueTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T17:00"));
        assertThat(timer(instance, Stage.warningTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T15:48"));
        assertThat(instance).variables().doesNotContainKeys(Var.OUTCOME, Clock.EXTENSION_HOURS);
        assertThat(extensionCount(instance)).isEqualTo(1);
        assertThat(notices(instance)).extracting(CaseNotice::kind).containsExactly("EXTENSION_APPROVED");
        fireTimersAt(instance, "2026-03-10T15:00");
        assertThat(stage(instance, Task.HANDLE).light()).as("not yellow at the old warning")
                .isEqualTo(StageLight.GREEN);
        fireTimersAt(instance, "2026-03-10T16:59");
        assertThat(facts.escalations(instance.getBusinessKey())).as("not red at the old limit").isEmpty();
    }

    /**
     * Version 2 of the model kept the stage timers on the tasks and read the stage's times from variables. A case
     * started on it before an upgrade runs on it to the end: its stages still get their times, an extension still
     * moves them, and it closes.
     */
    @Test
    void aCaseStartedOnTheEarlierModelKeepsItsClocksAfterTheUpgrade() throws IOException {
        Path processes = Files.createDirectories(temp.resolve("processes"));
        Files.copy(Path.of("src/test/resources/models/case-lifecycle-v2.bpmn"),
                processes.resolve("case-lifecycle.bpmn"));
        ClockUtil.reset(); // deployments are ordered by time: this one must come after the folder's
        earlierModelDeployed = deployer.deploy(engine, processes) != null;
        assertThat(earlierModelDeployed).isTrue();
        ProcessInstance instance = reportedAndRegisteredAt("2026-03-10T09:00");
        ClockUtil.reset();
        deployer.deploy(engine, Path.of("processes"));
        assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId())
                .getVersionTag()).isEqualTo("2");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(instance.getProcessDefinitionKey()).latestVersion().singleResult()
                .getVersionTag()).as("the folder's model is the latest again").isEqualTo("3");

        clock("2026-03-10T09:00");
        complete(task(instance), withVariables(Var.DEPARTMENT, "SANITATION-EAST"));
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T15:00"));
        assertThat(timer(instance, Stage.overdueTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T15:00"));

        clock("2026-03-10T10:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 2L,
                Var.FEEDBACK, "需调用大型机械清运"));
        complete(task(instance), withVariables(Clock.EXTENSION_APPROVED, true, Clock.EXTENSION_HOURS, 2L));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T17:00"));
        assertThat(timer(instance, Stage.overdueTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T17:00"));
        assertThat(timer(instance, Stage.warningTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T15:48"));
        fireTimersAt(instance, "2026-03-10T16:00");
        assertThat(stage(instance, Task.HANDLE).light()).isEqualTo(StageLight.YELLOW);

        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清运"));
        assertThat(instance).isWaitingAt(Task.CHECK);
        complete(task(instance), withVariables(Var.FIXED, true));
        complete(task(instance));
        assertThat(instance).isEnded();
    }

    @Test
    void aSecondRequestForMoreTimeGoesToAShiftLeaderAndARefusalKeepsTheDeadline() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 2L,
                Var.FEEDBACK, "需调用大型机械清运"));
        complete(task(instance), withVariables(Clock.EXTENSION_APPROVED, true, Clock.EXTENSION_HOURS, 1L));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T16:00"));

        complete(task(instance), withVariables(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 3L,
                Var.FEEDBACK, "机械仍未到位"));

        assertThat(instance).isWaitingAt(Task.APPROVE_EXTENSION_BY_LEADER);
        assertThat(task(instance)).hasCandidateGroup("shift-leaders");
        complete(task(instance), withVariables(Clock.EXTENSION_APPROVED, false, Clock.EXTENSION_NOTE, "请按时处置"));
        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T16:00"));
        assertThat(timer(instance, Stage.overdueTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-10T16:00"));
        assertThat(extensionCount(instance)).isEqualTo(1);
        assertThat(notices(instance)).extracting(CaseNotice::kind)
                .containsExactly("EXTENSION_APPROVED", "EXTENSION_REFUSED");
    }

    @Test
    void aRequestForMoreTimeWithoutAWholeNumberOfHoursIsRefusedAndTheHandleTaskStaysOpen() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        String taskId = task(instance).getId();

        assertThatThrownBy(() -> complete(task(instance), withVariables(
                        Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 1.5, Var.FEEDBACK, "需要更多时间")))
                .hasMessageContaining(Clock.EXTENSION_HOURS);

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getId()).isEqualTo(taskId);
    }

    @Test
    void suspensionStopsTheClockAndResumptionRestartsItWithTheWorkingTimeLeft() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        clock("2026-03-10T10:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.SUSPENSION, Var.FEEDBACK, "需结合道路改造工程处置"));
        assertThat(instance).isWaitingAt(Task.APPROVE_SUSPENSION);
        assertThat(task(instance)).hasCandidateGroup("shift-leaders");
        clock("2026-03-10T10:30");
        complete(task(instance), withVariables(Clock.SUSPENSION_APPROVED, true));

        assertThat(instance).isWaitingAt(Task.RESUME);
        assertThat(task(instance).getDueDate()).as("no clock while suspended").isNull();
        assertThat(timers(instance)).isEmpty();
        assertThat(facts.isSuspended(instance.getBusinessKey())).isTrue();
        fireTimersAt(instance, "2026-03-20T17:00");
        complete(task(instance));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(facts.isSuspended(instance.getBusinessKey())).isFalse();
        assertThat(task(instance).getDueDate()).as("150 working minutes left: 60 on Friday, 90 on Monday")
                .isEqualTo(at("2026-03-23T09:30"));
        assertThat(timer(instance, Stage.warningTimer(Task.HANDLE)).getDuedate()).isEqualTo(at("2026-03-23T08:42"));
        assertThat(instance).variables().doesNotContainKeys(Clock.PAUSED_STAGE, Clock.PAUSED_USED_MINUTES);
        assertThat(notices(instance)).extracting(CaseNotice::kind).containsExactly("SUSPENDED", "RESUMED");
        clock("2026-03-23T09:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已随工程一并处置"));
        assertThat(instance).isWaitingAt(Task.CHECK);
        assertThat(stage(instance, Task.HANDLE).inTime()).isTrue();
    }

    @Test
    void aRefusedSuspensionLetsHandlingGoOnOnTheRunningClock() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.SUSPENSION, Var.FEEDBACK, "暂不具备条件"));

        complete(task(instance), withVariables(Clock.SUSPENSION_APPROVED, false, Clock.SUSPENSION_NOTE, "可以处置"));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T15:00"));
        assertThat(facts.isSuspended(instance.getBusinessKey())).isFalse();
        assertThat(instance).variables().doesNotContainKey(Var.OUTCOME);
        assertThat(notices(instance)).extracting(CaseNotice::kind).containsExactly("SUSPENSION_REFUSED");
    }

    @Test
    void aLimitThatSpansAWeekendAndTheNationalDayHolidayFallsDueOnTheNextWorkingDay() {
        ProcessInstance instance = dispatchedAt("2026-09-30T17:50", false);

        assertThat(task(instance).getDueDate()).as("10 minutes on Wednesday, 20 after the holiday")
                .isEqualTo(at("2026-10-08T08:20"));
        assertThat(timer(instance, Stage.overdueTimer(Task.ACKNOWLEDGE)).getDuedate())
                .isEqualTo(at("2026-10-08T08:20"));
        assertThat(timer(instance, Stage.warningTimer(Task.ACKNOWLEDGE)).getDuedate())
                .isEqualTo(at("2026-10-08T08:14"));
        fireTimersAt(instance, "2026-10-07T23:59");
        assertThat(stage(instance, Task.ACKNOWLEDGE).light()).isEqualTo(StageLight.GREEN);
    }

    @Test
    void anUrgentCaseRunsOnTheNaturalClockThroughTheNight() {
        ProcessInstance instance = dispatchedAt("2026-03-10T22:00", true);

        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T22:10"));
        clock("2026-03-10T22:05");
        complete(task(instance));
        assertThat(task(instance).getDueDate()).as("2 natural hours").isEqualTo(at("2026-03-11T00:05"));
        assertThat(timer(instance, Stage.warningTimer(Task.HANDLE)).getDuedate()).as("at half the limit")
                .isEqualTo(at("2026-03-10T23:05"));
    }

    @Test
    void aReturnStartsTheClocksOfDispatchAndOfTheNextDepartmentAgain() {
        ProcessInstance instance = reportedAndRegisteredAt("2026-03-10T09:00");
        complete(task(instance), withVariables(Var.DEPARTMENT, "ROADS"));
        clock("2026-03-10T09:10");
        complete(task(instance));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T15:10"));

        clock("2026-03-10T10:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.RETURNED, Var.FEEDBACK, "非本部门职责"));
        assertThat(instance).isWaitingAt(Task.DISPATCH);
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T10:30"));
        clock("2026-03-10T10:05");
        complete(task(instance), withVariables(Var.DEPARTMENT, "SANITATION-EAST"));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-03-10T10:35"));
        clock("2026-03-10T10:10");
        complete(task(instance));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).as("a full 4 working hours from 10:10")
                .isEqualTo(at("2026-03-10T16:10"));
        assertThat(cases.stages(instance.getBusinessKey())).filteredOn(s -> s.stage().equals(Task.HANDLE))
                .extracting(StageRecord::departmentCode).containsExactly("ROADS", "SANITATION-EAST");
    }

    @Test
    void aReworkStartsTheDepartmentsHandlingClockAgain() {
        ProcessInstance instance = handlingAt("2026-03-10T09:00");
        clock("2026-03-10T11:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理"));
        clock("2026-03-10T11:10");
        complete(task(instance), withVariables(Var.FIXED, false));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(task(instance).getDueDate()).as("50 minutes before lunch, 190 after")
                .isEqualTo(at("2026-03-10T17:10"));
    }

    // ---------------------------------------------------------------- steps

    private ProcessInstance reportedAndRegisteredAt(String localTime) {
        return reportedAndRegisteredAt(localTime, false);
    }

    private ProcessInstance reportedAndRegisteredAt(String localTime, boolean urgent) {
        clock(localTime);
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "公交站旁暴露垃圾",
                "东城区公园路12号", point[0], point[1], urgent, null, List.of()));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        complete(task(instance));
        complete(task(instance), withVariables(Var.REGISTERED, true));
        assertThat(instance).isWaitingAt(Task.DISPATCH);
        return instance;
    }

    private ProcessInstance dispatchedAt(String localTime, boolean urgent) {
        ProcessInstance instance = reportedAndRegisteredAt(localTime, urgent);
        complete(task(instance), withVariables(Var.DEPARTMENT, "SANITATION-EAST"));
        assertThat(task(instance)).hasCandidateGroup(SANITATION_EAST);
        return instance;
    }

    private ProcessInstance handlingAt(String localTime) {
        ProcessInstance instance = dispatchedAt(localTime, false);
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.HANDLE);
        return instance;
    }

    // ---------------------------------------------------------------- time and timers

    /** Moves the clock and runs every timer of the case that is due by then, including those they create. */
    private void fireTimersAt(ProcessInstance instance, String localTime) {
        clock(localTime);
        for (int round = 0; round < 20; round++) {
            List<Job> due = new ArrayList<>();
            for (String id : processTree(instance)) {
                due.addAll(management.createJobQuery().processInstanceId(id).timers().executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("timers keep falling due at " + localTime);
    }

    private List<String> processTree(ProcessInstance instance) {
        List<String> ids = new ArrayList<>(List.of(instance.getId()));
        runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
                .forEach(sub -> ids.add(sub.getId()));
        return ids;
    }

    private List<Job> timers(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private List<Job> escalationTimers(ProcessInstance instance) {
        List<Job> jobs = new ArrayList<>();
        runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list().forEach(sub ->
                jobs.addAll(management.createJobQuery().processInstanceId(sub.getId())
                        .activityId(StageEscalation.Element.NEXT_LEVEL).list()));
        return jobs;
    }

    private static String activityInstance(ProcessInstance instance, String activityId) {
        ActivityInstance tree = BpmnAwareTests.runtimeService().getActivityInstance(instance.getId());
        return tree.getActivityInstances(activityId)[0].getId();
    }

    // ---------------------------------------------------------------- case file

    private StageRecord stage(ProcessInstance instance, String stage) {
        List<StageRecord> runs = cases.stages(instance.getBusinessKey()).stream()
                .filter(s -> s.stage().equals(stage)).toList();
        return runs.get(runs.size() - 1);
    }

    private List<CaseNotice> notices(ProcessInstance instance) {
        return facts.notices(instance.getBusinessKey());
    }

    private List<org.camunda.bpm.engine.task.Task> supervisionTasks(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(StageEscalation.Element.SUPERVISE).list();
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
    }

    private List<String> filtered(String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        List<org.camunda.bpm.engine.task.Task> found = filters.list(filter.getId());
        return found.stream().map(org.camunda.bpm.engine.task.Task::getId).toList();
    }

    private int extensionCount(ProcessInstance instance) {
        return jdbc.sql("select extension_count from city_case where case_number = ?")
                .param(instance.getBusinessKey()).query(Integer.class).single();
    }
}
