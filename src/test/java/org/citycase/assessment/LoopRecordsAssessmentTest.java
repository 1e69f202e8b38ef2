package org.citycase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The assessment reads the stage records that the real process writes, not only the fixture's: two cases of
 * September 2025 run through {@code case-lifecycle} with the engine clock set ten minutes per step, one with an
 * extension and a rework, one returned and handled by another department.
 */
@CitycaseSpringTest
class LoopRecordsAssessmentTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String DISPATCHER = "t-loop-dispatcher";

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    AssessmentService assessments;

    private LocalDateTime now;

    @AfterEach
    void giveTheEngineItsRealClockBack() {
        ClockUtil.reset();
    }

    @Test
    void extensionsReworksAndReturnsOfRealCasesCountAsTheFixtureSays() {
        now = LocalDateTime.of(2025, 9, 9, 9, 0);
        String extended = reportAndDispatch("SANITATION-EAST");
        step(extended, Task.ACKNOWLEDGE, Map.of());
        step(extended, Task.HANDLE, Map.of(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 2L,
                Var.FEEDBACK, "需调用大型机械"));
        step(extended, Task.APPROVE_EXTENSION, Map.of(Clock.EXTENSION_APPROVED, true, Clock.EXTENSION_HOURS, 2L));
        step(extended, Task.HANDLE, Map.of(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已清理"));
        step(extended, Task.CHECK, Map.of(Var.FIXED, false));
        step(extended, Task.HANDLE, Map.of(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已彻底清理"));
        step(extended, Task.CHECK, Map.of(Var.FIXED, true));
        step(extended, Task.CLOSE, Map.of());

        String returned = reportAndDispatch("SANITATION-EAST");
        step(returned, Task.ACKNOWLEDGE, Map.of());
        step(returned, Task.HANDLE, Map.of(Var.OUTCOME, Outcome.RETURNED, Var.FEEDBACK, "非本部门职责"));
        step(returned, Task.DISPATCH, Map.of(Var.DEPARTMENT, "ROADS"));
        step(returned, Task.ACKNOWLEDGE, Map.of());
        step(returned, Task.HANDLE, Map.of(Var.OUTCOME, Outcome.HANDLED, Var.FEEDBACK, "已修复"));
        step(returned, Task.CHECK, Map.of(Var.FIXED, true));
        step(returned, Task.CLOSE, Map.of());
        ClockUtil.reset(); // September 2025 is over: judged at its end, not at the moved clock's "now"

        Assessment departments = assessments.assess(AssessmentLevel.DEPARTMENT,
                Period.month(YearMonth.of(2025, 9), CITY));
        Assessment dispatchers = assessments.assess(AssessmentLevel.DISPATCHER,
                Period.month(YearMonth.of(2025, 9), CITY));

        // the sanitation office: the extended run (its first handle task only asked for more time), reworked;
        // the rework's run, fixed; the returned run is not due
        assertThat(unit(departments, "SANITATION-EAST").indicators()).contains(entry("due", 2L),
                entry("handled", 2L), entry("handledInTime", 2L), entry("extended", 1L), entry("reworked", 1L),
                entry("closed", 1L), entry("returned", 1L), entry("suspended", 0L));
        assertThat(unit(departments, "ROADS").indicators()).contains(entry("due", 1L), entry("handled", 1L),
                entry("closed", 1L), entry("returned", 0L));
        // three dispatches, all in time: the extended case's was reworked, the returned case's first came back
        assertThat(unit(dispatchers, DISPATCHER).indicators()).contains(entry("dispatches", 3L),
                entry("dispatchesInTime", 3L), entry("misdirected", 2L), entry("accurateDispatches", 1L));
    }

    private String reportAndDispatch(String department) {
        ClockUtil.setCurrentTime(date(now));
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "考核联调：暴露垃圾",
                "东城区公园路3号", point[0], point[1], false, null, List.of()));
        step(caseNumber, Task.ACCEPT, Map.of());
        step(caseNumber, Task.REGISTER, Map.of(Var.REGISTERED, true));
        step(caseNumber, Task.DISPATCH, Map.of(Var.DEPARTMENT, department));
        return caseNumber;
    }

    /** Ten minutes later, the case's open task of the stage is claimed and completed. */
    private void step(String caseNumber, String stage, Map<String, Object> variables) {
        now = now.plusMinutes(10);
        ClockUtil.setCurrentTime(date(now));
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(stage).singleResult();
        assertThat(task).as("open %s task of %s", stage, caseNumber).isNotNull();
        if (stage.equals(Task.DISPATCH)) {
            tasks.claim(task.getId(), DISPATCHER);
        }
        tasks.complete(task.getId(), variables);
    }

    private static Date date(LocalDateTime local) {
        return Date.from(local.atZone(CITY).toInstant());
    }

    private static AssessedUnit unit(Assessment assessment, String code) {
        return assessment.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
