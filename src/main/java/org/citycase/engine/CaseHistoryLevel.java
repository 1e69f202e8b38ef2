package org.citycase.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.citycase.engine.CaseLifecycle.Clock;

/**
 * The engine's history level {@code citycase}: everything the engine's {@code full} level keeps, except three
 * kinds of engine bookkeeping that tell nothing the case file or the rest of the history does not. Measured
 * (README "Speed"), they were more than half of the rows a closed case wrote:
 * <ul>
 *   <li>the stage clock's variables ({@link #CLOCK_VARIABLES}): each stage sets two and drops them when it
 *       ends; their values are the stage's row in {@code case_stage} (due time, warning, overdue, light);</li>
 *   <li>the job log's "created" and "deleted" entries of timers: each stage creates two and deletes those that
 *       did not fire. A timer that fires or fails is still logged, so an incident keeps its history.</li>
 *   <li>the activity instances of gateways and of the plain start events inside stages
 *       ({@link #isPassThrough}): a token passes them in the same transaction as the step before, and the
 *       path a case took is told by its tasks, service steps, subprocesses and end events, which are kept.
 *       They were 17 of the 60 activity-instance rows a case wrote.</li>
 * </ul>
 * Every other event is kept as {@code full} keeps it: process and task instances, every other step's activity
 * instance, the case's own variables with every change, identity links, incidents, operation logs and decisions. (The time limits table
 * is evaluated only once per version and inputs, see {@code DmnStageLimitTable}, so its history stays small.)
 *
 * <p>The engine stores the level's id in its database and refuses to start on a database of another level.
 */
public final class CaseHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "citycase";
    static final int ID = 31;

    /** The stage clock's variables; set and read by {@code StageClockVariables}, never by a person. */
    static final Set<String> CLOCK_VARIABLES = Set.of(Clock.STAGE, Clock.STAGE_NAME, Clock.STATE,
            Clock.LEGACY_WARN_AT, Clock.LEGACY_DUE_AT, Clock.WARNED_AT, Clock.OVERDUE_AT);

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
        if (entity instanceof ExecutionEntity execution && isActivityInstanceEvent(eventType)) {
            return !isPassThrough(execution.getActivity());
        }
        return true;
    }

    private static boolean isActivityInstanceEvent(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE;
    }

    /**
     * Gateways that decide or join at once (exclusive, inclusive, parallel), and none start events of
     * embedded subprocesses. An event-based gateway waits, and a process's own start event is where its
     * history begins: both are kept.
     */
    static boolean isPassThrough(ActivityImpl activity) {
        if (activity == null) {
            return false;
        }
        String type = activity.getProperties().get(BpmnProperties.TYPE);
        if (type == null) {
            return false;
        }
        return switch (type) {
            case "exclusiveGateway", "inclusiveGateway", "parallelGateway" -> true;
            case "startEvent" -> activity.getFlowScope() != activity.getProcessDefinition();
            default -> false;
        };
    }
}
