package org.citycase.engine;

import java.util.List;

/**
 * Names in {@code processes/case-lifecycle.bpmn} that code and tests rely on. A model test fails the
 * build when the BPMN no longer has one of them, so a renamed element cannot break the loop quietly.
 */
public final class CaseLifecycle {

    public static final String PROCESS_KEY = "case-lifecycle";

    /** User tasks, in the order of the closed loop. */
    public static final class Task {
        public static final String ACCEPT = "accept";
        public static final String VERIFY = "verify";
        public static final String REGISTER = "register";
        public static final String DISPATCH = "dispatch";
        public static final String ACKNOWLEDGE = "acknowledge";
        public static final String HANDLE = "handle";
        public static final String CHECK = "check";
        public static final String CLOSE = "close";
        /** In the handling stage: the dispatcher decides the first request for more time (延期). */
        public static final String APPROVE_EXTENSION = "approveExtension";
        /** In the handling stage: a shift leader decides every later request for more time. */
        public static final String APPROVE_EXTENSION_BY_LEADER = "approveExtensionByLeader";
        /** In the handling stage: a shift leader decides a request to suspend the case (挂账). */
        public static final String APPROVE_SUSPENSION = "approveSuspension";
        /** A suspended case waits here, its clock stopped, until a shift leader resumes it (挂账恢复). */
        public static final String RESUME = "resumeSuspended";

        private Task() {
        }
    }

    /**
     * The time-limited stages, named after their user task. Each is an embedded subprocess {@code <stage>Stage}
     * whose input parameter {@code stage} names it and whose timers start its clock. Two non-interrupting event
     * subprocesses of the stage hold its timers: {@code <stage>WarningEvents} starts at the timer
     * {@code <stage>Warning} and turns the stage yellow, {@code <stage>OverdueEvents} starts at the timer
     * {@code <stage>Overdue} and calls the escalation process ({@code <stage>Escalation}). They belong to the
     * stage, not to its task, so they outlive the handle task across extension and suspension requests, and the
     * stage's terminate end ends them all. A stage's task runs in the stage's own execution.
     */
    public static final class Stage {
        public static final List<String> ALL = List.of(Task.ACCEPT, Task.VERIFY, Task.REGISTER, Task.DISPATCH,
                Task.ACKNOWLEDGE, Task.HANDLE, Task.CHECK, Task.CLOSE);

        private Stage() {
        }

        /** The embedded subprocess of a stage, e.g. {@code acknowledgeStage}. */
        public static String scope(String stage) {
            return stage + "Stage";
        }

        /** The event subprocess of a stage's warning, e.g. {@code acknowledgeWarningEvents}. */
        public static String warningEvents(String stage) {
            return stage + "WarningEvents";
        }

        /** The event subprocess of a stage's overdue, e.g. {@code acknowledgeOverdueEvents}. */
        public static String overdueEvents(String stage) {
            return stage + "OverdueEvents";
        }

        /** The non-interrupting timer that turns a stage yellow, e.g. {@code acknowledgeWarning}. */
        public static String warningTimer(String stage) {
            return stage + "Warning";
        }

        /** The non-interrupting timer that turns a stage red, e.g. {@code acknowledgeOverdue}. */
        public static String overdueTimer(String stage) {
            return stage + "Overdue";
        }

        /** The call of the escalation process that follows the red timer, e.g. {@code acknowledgeEscalation}. */
        public static String escalation(String stage) {
            return stage + "Escalation";
        }
    }

    /** Other elements that tests and listeners name. */
    public static final class Element {
        public static final String START = "reportReceived";
        /** Leaves the handling stage when a shift leader has approved the suspension (挂账) of the case. */
        public static final String FLOW_SUSPENDED = "suspended";
        public static final String PROPOSE_REGISTRATION = "proposeRegistration";
        public static final String PROPOSE_DEPARTMENT = "proposeDepartment";
        public static final String RECORD_DISPATCH = "recordDispatch";
        public static final String FLOW_RETURNED = "returned";
        public static final String FLOW_REWORK = "rework";
        public static final String END_CLOSED = "endClosed";
        public static final String END_INVALID = "endInvalid";
        public static final String END_NOT_REGISTERED = "endNotRegistered";
        public static final String END_CANCELLED = "endCancelled";
        public static final String END_DUPLICATE = "endDuplicate";
        /** Leaves acceptance when the acceptor names the open case the report repeats. */
        public static final String FLOW_MARKED_DUPLICATE = "markedDuplicate";
        /** Taken when the shift leader registers the case; the first report's reward is granted here. */
        public static final String FLOW_REGISTERED = "registeredYes";
        public static final String CANCELLATION_START = "cancellationRequested";

        private Element() {
        }
    }

    /** Process variables: the contract with Tasklist forms and outside systems. */
    public static final class Var {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String SOURCE = "source";
        public static final String SOURCE_NAME = "sourceName";
        public static final String CATEGORY_CODE = "categoryCode";
        public static final String CATEGORY_NAME = "categoryName";
        public static final String DESCRIPTION = "description";
        public static final String ADDRESS = "address";
        public static final String DISTRICT_CODE = "districtCode";
        public static final String URGENT = "urgent";
        public static final String PHOTO_LINKS = "photoLinks";
        /** User id of the supervisor who patrols the case's grid; verification and check go to them. */
        public static final String GRID_SUPERVISOR = "gridSupervisor";

        public static final String VERIFIED = "verified";
        public static final String REGISTERED = "registered";
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String PROPOSED_DEPARTMENT = "proposedDepartment";
        public static final String DEPARTMENT = "department";
        public static final String DEPARTMENT_GROUP = "departmentGroup";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String OUTCOME = "outcome";
        public static final String FEEDBACK = "feedback";
        public static final String FIXED = "fixed";
        public static final String CANCELLATION_REASON = "cancellationReason";
        /** Set by the acceptor: the number of the open case this report repeats (重复上报). */
        public static final String DUPLICATE_OF = "duplicateOf";
        /** The note a duplicate case ends with, naming the original case. */
        public static final String DUPLICATE_NOTE = "duplicateNote";

        private Var() {
        }
    }

    /**
     * Variables of a stage's time limit. The clock's are local to the stage subprocess, set when the stage's
     * timers are set and changed by extensions; minutes are those of the clock's basis (working or natural).
     */
    public static final class Clock {
        /** The stage a subprocess runs, an input parameter of the subprocess, e.g. {@code acknowledge}. */
        public static final String STAGE = "stage";
        /**
         * The stage's Chinese name, the name of its user task, e.g. 签收: read from the model, and given to the
         * supervision task (督办) as an input parameter for its form.
         */
        public static final String STAGE_NAME = "stageName";
        /**
         * The clock of this run of the stage in one text, {@code basis;startedAt;limitMinutes;usedMinutes;ratio}:
         * {@code WORKING} or {@code NATURAL}, when it started counting (ISO 8601), its whole limit, the minutes an
         * earlier run used before a suspension (0 for a fresh stage), and the share of the limit that turns it
         * yellow; e.g. {@code WORKING;2026-03-10T01:00:00Z;240;0;0.8}.
         */
        public static final String STATE = "stageClockState";
        /**
         * When the stage turns yellow and when it is due (Dates), kept only for cases still running on version 2
         * of the model or earlier, whose timers and task due dates read them ({@code ${stageWarnAt}},
         * {@code ${stageDueAt}}). Later versions ask {@code ${stageClock}} for the times.
         */
        public static final String LEGACY_WARN_AT = "stageWarnAt";
        public static final String LEGACY_DUE_AT = "stageDueAt";
        /** When the stage turned yellow and red (Dates), unset until it did. */
        public static final String WARNED_AT = "stageWarnedAt";
        public static final String OVERDUE_AT = "stageOverdueAt";
        /**
         * The stopped clock of a suspended case (挂账), on the process instance until the stage starts again:
         * the stage, basis, limit, used minutes and warning ratio.
         */
        public static final String PAUSED_STAGE = "pausedStage";
        public static final String PAUSED_BASIS = "pausedBasis";
        public static final String PAUSED_LIMIT_MINUTES = "pausedLimitMinutes";
        public static final String PAUSED_USED_MINUTES = "pausedUsedMinutes";
        public static final String PAUSED_WARNING_RATIO = "pausedWarningRatio";

        /** The department asks for this many more hours of the stage's own clock; the approver may change it. */
        public static final String EXTENSION_HOURS = "extensionHours";
        public static final String EXTENSION_APPROVED = "extensionApproved";
        public static final String EXTENSION_NOTE = "extensionNote";
        /** How many times the case's department asked for more time; the second request goes to a shift leader. */
        public static final String EXTENSION_REQUESTS = "extensionRequests";
        public static final String SUSPENSION_APPROVED = "suspensionApproved";
        public static final String SUSPENSION_NOTE = "suspensionNote";
        public static final String RESUMPTION_NOTE = "resumptionNote";

        private Clock() {
        }
    }

    /** Values of {@link Var#OUTCOME}. */
    public static final class Outcome {
        public static final String HANDLED = "HANDLED";
        public static final String RETURNED = "RETURNED";
        /** The department asks for more time (申请延期); the handling stage goes on. */
        public static final String EXTENSION = "EXTENSION";
        /** The department asks to suspend the case (申请挂账) because it cannot be solved now. */
        public static final String SUSPENSION = "SUSPENSION";

        private Outcome() {
        }
    }

    /** Message that cancels (作废) an open case; correlated by business key. */
    public static final String MESSAGE_CANCEL = "CaseCancellation";

    /**
     * Extension property on end events naming the final {@code CaseStatus}; a second one,
     * {@link #PROPERTY_REASON_VARIABLE}, names the variable that holds the reason.
     */
    public static final String PROPERTY_CASE_STATUS = "caseStatus";
    public static final String PROPERTY_REASON_VARIABLE = "reasonVariable";

    private CaseLifecycle() {
    }
}
