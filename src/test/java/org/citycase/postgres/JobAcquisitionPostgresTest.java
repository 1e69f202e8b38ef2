package org.citycase.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.citycase.CitycaseApplication;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job executor's poll among many due timers, on PostgreSQL with the application's own engine settings.
 * A morning's first working minute turns thousands of stages yellow at once; each poll then must take the
 * earliest due timers by the due-date index and stop, not read every due timer and sort them. The engine
 * does the latter when a job may lack a due date (its query then asks for {@code DUEDATE_ is null or
 * DUEDATE_ <= now}, which no index can return in order): measured in the benchmark, that poll took 23–41 ms
 * among 4 000–10 000 due timers and most of the database's time in a burst.
 */
@Tag("standalone")
class JobAcquisitionPostgresTest {

    private static final int DUE_TIMERS = 3_000;
    private static final int PER_POLL = 32;

    @Test
    void aPollAmongThousandsOfDueTimersReadsOnlyAboutTheTimersItTakes() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CitycaseApplication.class)
                     .profiles("postgres")
                     .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres", "--spring.datasource.password=",
                             "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                             "--citycase.security.admin.id=admin",
                             "--citycase.security.admin.password=acquisition-test-admin-1")) {
            app.getBean(IntakeService.class).report(new ReportRequest(Source.SUPERVISOR, "E0102",
                    "人行道暴露垃圾", "东城区人民路8号", 120.65, 31.35, null, null, null));
            DataSource db = postgres.getPostgresDatabase();
            try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                timersFallingDueAtOnce(c);
                sql.execute("select pg_stat_statements_reset()");
            }

            ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                    .getProcessEngineConfiguration();
            AcquiredJobs acquired = engine.getCommandExecutorTxRequired()
                    .execute(new AcquireJobsCmd(engine.getJobExecutor(), PER_POLL));

            assertThat(acquired.size()).as("timers taken by one poll").isEqualTo(PER_POLL);
            try (Connection c = db.getConnection(); Statement sql = c.createStatement();
                 ResultSet poll = sql.executeQuery("select calls, rows, shared_blks_hit + shared_blks_read "
                         + "from pg_stat_statements where query like '%from ACT_RU_JOB RES%'")) {
                assertThat(poll.next()).as("the poll's query was counted").isTrue();
                assertThat(poll.getLong(1)).isOne();
                assertThat(poll.getLong(2)).isEqualTo(PER_POLL);
                // Reading every due timer cost 15 000 pages here: each one's row, and the lookup of the other
                // timers of its case that another node might be running. Taking the first 32 by the index, 172.
                assertThat(poll.getLong(3)).as("pages the poll read among %d due timers", DUE_TIMERS)
                        .isLessThan(1_000);
            }
        }
    }

    /**
     * {@value #DUE_TIMERS} copies of one of the case's stage timers, each for a case of its own (an id that no
     * execution has: the poll does not look at executions, and nothing here runs them). They are made due
     * tomorrow and the table analysed, as autovacuum does while timers are set, and then they fall due at once,
     * as a morning's first working minute makes them: the statistics still place the due dates ahead.
     */
    private static void timersFallingDueAtOnce(Connection c) throws Exception {
        try (Statement sql = c.createStatement()) {
            sql.execute("create temporary table due_copy as select j.* from act_ru_job j, generate_series(1, "
                    + DUE_TIMERS + ") n where j.id_ = (select min(id_) from act_ru_job where type_ = 'timer')");
            sql.execute("update due_copy set id_ = gen_random_uuid()::text, duedate_ = now() + interval '1 day'");
            sql.execute("update due_copy set execution_id_ = id_, process_instance_id_ = id_, "
                    + "root_proc_inst_id_ = id_");
            sql.execute("insert into act_ru_job select * from due_copy");
            sql.execute("analyze act_ru_job");
            sql.execute("update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in "
                    + "(select id_ from due_copy)");
        }
        try (PreparedStatement due = c.prepareStatement("select count(*) from act_ru_job where duedate_ < now()");
             ResultSet count = due.executeQuery()) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(DUE_TIMERS);
        }
    }
}
