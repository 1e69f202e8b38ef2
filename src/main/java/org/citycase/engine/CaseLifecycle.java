package org.citycase.engine;

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

        private Task() {
        }
    }

    /** Other elements that tests and listeners name. */
    public static final class Element {
        public static final String START = "reportReceived";
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

    /** Values of {@link Var#OUTCOME}. */
    public static final class Outcome {
        public static final String HANDLED = "HANDLED";
        public static final String RETURNED = "RETURNED";

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
