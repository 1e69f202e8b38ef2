package org.citycase.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case gauges for Prometheus: open cases by stage ({@code citycase_cases_open{stage="dispatch"}}), ended
 * cases by status, and open stages past their due time ({@code citycase_stages_overdue}). Figures are
 * read from the case file at most every ten seconds, however often they are scraped.
 */
@Component
public class CaseMetrics implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final String[] STAGES = {"accept", "verify", "register", "dispatch", "acknowledge", "handle",
        "check", "close"};

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of(), 0);

    public CaseMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String stage : STAGES) {
            Gauge.builder("citycase.cases.open", () -> current().openByStage().getOrDefault(stage, 0L))
                    .description("Open cases waiting in a stage").tag("stage", stage).register(registry);
        }
        for (CaseStatus status : CaseStatus.values()) {
            Gauge.builder("citycase.cases", () -> current().byStatus().getOrDefault(status.name(), 0L))
                    .description("Cases by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("citycase.stages.overdue", () -> current().overdue())
                .description("Open stages past their due time").register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last.takenAt().plus(REFRESH).isAfter(now)) {
            return last;
        }
        Map<String, Long> byStage = new ConcurrentHashMap<>();
        jdbc.sql("select stage, count(*) from city_case where status = 'OPEN' and stage is not null group by stage")
                .query(rs -> {
                    byStage.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> byStatus = new ConcurrentHashMap<>();
        jdbc.sql("select status, count(*) from city_case group by status")
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long overdue = jdbc.sql("select count(*) from case_stage where ended_at is null and due_at < ?")
                .param(now.atOffset(ZoneOffset.UTC)).query(Long.class).single();
        snapshot = new Snapshot(now, byStage, byStatus, overdue);
        return snapshot;
    }

    private record Snapshot(Instant takenAt, Map<String, Long> openByStage, Map<String, Long> byStatus,
                            long overdue) {
    }
}
