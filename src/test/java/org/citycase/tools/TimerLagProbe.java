package org.citycase.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.citycase.CitycaseApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures how late timers fire with the job executor settings of {@code config/application.yaml}: starts the
 * application with its job executor on, lets sparse timers fall due over about a minute (so the executor goes
 * idle between them, as it does with real stage limits) and prints how long after its due time each fired. A
 * probe, not a test: it asserts nothing and runs only when asked,
 * <pre>mvn -o test -Dtest=TimerLagProbe -Dcitycase.timer-lag-probe=true</pre>
 * adding e.g. {@code -Dcamunda.bpm.job-execution.wait-time-in-millis=5000
 * -Dcamunda.bpm.job-execution.max-wait=60000} to compare with the engine's defaults.
 */
@Tag("standalone")
@EnabledIfSystemProperty(named = "citycase.timer-lag-probe", matches = "true")
class TimerLagProbe {

    private static final int TIMERS = 12;
    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration APART = Duration.ofMillis(4700);

    @Test
    void printHowLateSparseTimersFire() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CitycaseApplication.class)
                .run("--spring.datasource.url=jdbc:h2:mem:timer-lag-probe;DB_CLOSE_DELAY=-1", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=true", "--citycase.security.admin.id=admin",
                        "--citycase.security.admin.password=probe-admin-password-1")) {
            app.getBean(RepositoryService.class).createDeployment().name("timer-lag-probe")
                    .addModelInstance("timer-lag-probe.bpmn", Bpmn.createExecutableProcess("timer-lag-probe")
                            .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("wait")
                            .timerWithDate("${due}").endEvent().done())
                    .deploy();
            Thread.sleep(10_000); // let the executor settle into its idle rhythm first
            RuntimeService runtime = app.getBean(RuntimeService.class);
            Instant start = Instant.now();
            for (int i = 0; i < TIMERS; i++) {
                Date due = Date.from(start.plus(FIRST).plus(APART.multipliedBy(i)));
                runtime.startProcessInstanceByKey("timer-lag-probe", Variables.putValue("due", due));
            }
            HistoryService history = app.getBean(HistoryService.class);
            Instant giveUp = start.plus(FIRST).plus(APART.multipliedBy(TIMERS)).plusSeconds(90);
            while (history.createHistoricActivityInstanceQuery().activityId("wait").finished().count() < TIMERS
                    && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
            }
            List<Long> lags = new ArrayList<>();
            for (HistoricActivityInstance fired : history.createHistoricActivityInstanceQuery().activityId("wait")
                    .finished().list()) {
                Date due = (Date) history.createHistoricVariableInstanceQuery()
                        .processInstanceId(fired.getProcessInstanceId()).variableName("due").singleResult().getValue();
                lags.add(fired.getEndTime().getTime() - due.getTime());
            }
            lags.sort(null);
            System.out.printf("TIMER LAG (%d of %d fired; wait %s ms, max wait %s ms): min %d ms, median %d ms,"
                            + " max %d ms, all %s%n", lags.size(), TIMERS,
                    app.getEnvironment().getProperty("camunda.bpm.job-execution.wait-time-in-millis"),
                    app.getEnvironment().getProperty("camunda.bpm.job-execution.max-wait"),
                    lags.get(0), lags.get(lags.size() / 2), lags.get(lags.size() - 1), lags);
        }
    }
}
