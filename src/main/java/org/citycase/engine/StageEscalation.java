package org.citycase.engine;

/**
 * Names in {@code processes/stage-escalation.bpmn} (超时督办) that code and tests rely on. A stage of
 * {@code case-lifecycle} calls this process when it turns red; it runs inside the stage, so finishing the stage
 * ends it together with its supervision tasks. Each level asks the decision table {@code escalation} whom to tell
 * and whom to give a supervision task (督办), then waits for the next level: level 1 at the limit, level 2 at
 * twice the limit, and so on while the table says to go on.
 */
public final class StageEscalation {

    public static final String PROCESS_KEY = "stage-escalation";
    public static final String DECISION_KEY = "escalation";

    /** Elements. */
    public static final class Element {
        public static final String DECIDE = "decideEscalation";
        public static final String RECORD = "recordEscalation";
        /** The supervision task (督办) given to the group the table names. */
        public static final String SUPERVISE = "supervise";
        /** Waits until the next level falls due. */
        public static final String NEXT_LEVEL = "nextLevel";

        private Element() {
        }
    }

    /** Variables. */
    public static final class Var {
        /** The level being decided, from 1; the calling stage passes 1. */
        public static final String LEVEL = "escalationLevel";
        /** The decision table's single result: notifyGroups, supervisionGroup, escalateFurther. */
        public static final String DECISION = "escalation";
        /** Comma-separated engine groups to tell. */
        public static final String NOTIFY_GROUPS = "notifyGroups";
        /** The group given a supervision task, or null for none. */
        public static final String SUPERVISION_GROUP = "supervisionGroup";
        /** Whether a next level follows this one. */
        public static final String ESCALATE_FURTHER = "escalateFurther";
        /** The level of a supervision task, local to it (the process goes on to later levels meanwhile). */
        public static final String SUPERVISION_LEVEL = "supervisionLevel";
        public static final String SUPERVISION_NOTE = "supervisionNote";

        private Var() {
        }
    }

    private StageEscalation() {
    }
}
