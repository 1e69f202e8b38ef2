package org.citycase.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.citycase.engine.CaseLifecycle.Clock;

/**
 * The engine's history level {@code citycase}: everything the engine's {@code full} level keeps, except two
 * kinds of engine bookkeeping whose facts the case file already holds. Measured (README "Speed"), they were
 * nearly half of the rows a closed case wrote:
 * <ul>
 *   <li>the stage clock's variables ({@link #CLOCK_VARIABLES}): each stage sets five and drops them when it
 *       ends; their values are the stage's row in {@code case_stage} (due time, warning, overdue, light);</li>
 *   <li>the job log's "created" and "deleted" entries of timers: each stage creates two and deletes those that
 *       did not fire. A timer that fires or fails is still logged, so an incident keeps its history.</li>
 * </ul>
 * Every other event is kept as {@code full} keeps it: process, activity and task instances, the case's own
 * variables with every change, identity links, incidents, operation logs and decisions. (The time limits table
 * is evaluated only once per version and inputs, see {@code DmnStageLimitTable}, so its history stays small.)
 *
 * <p>The engine stores the level's id in its database and refuses to start on a database of another level.
 */
public final class CaseHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "citycase";
    static final int ID = 31;

    /** The stage clock's variables; set and read by {@code StageClockVariables}, never by a person. */
    static final Set<String> CLOCK_VARIABLES = Set.of(Clock.STAGE, Clock.STAGE_NAME, Clock.STATE, Clock.WARN_AT,
            Clock.DUE_AT, Clock.WARNED_AT, Clock.OVERDUE_AT);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (!HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity)) {
            return false;
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return !CLOCK_VARIABLES.contains(variable.getName());
        }
        if (entity instanceof TimerEntity) {
            return eventType != HistoryEventTypes.JOB_CREATE && eventType != HistoryEventTypes.JOB_DELETE;
        }
        return true;
    }
}
