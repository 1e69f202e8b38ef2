package org.citycase.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the indexes the engine's own schema lacks for the queries it runs most here, once its tables
 * exist. Measured on PostgreSQL (see README): every task completion looks up child tasks by
 * {@code PARENT_TASK_ID_}, a full scan without an index; job acquisition filters and orders by
 * {@code DUEDATE_}, a full scan of all pending timers without one.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "create index if not exists cc_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)",
            "create index if not exists cc_ru_job_duedate on ACT_RU_JOB (DUEDATE_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute(index);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add the engine's missing indexes", e);
        }
        LOG.debug("Engine indexes in place: {}", INDEXES.size());
    }
}
