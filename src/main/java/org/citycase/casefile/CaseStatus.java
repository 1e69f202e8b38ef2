package org.citycase.casefile;

/** Where a case stands as a whole; the current step inside an open case is its stage. */
public enum CaseStatus {
    /** In the loop: accepted and not yet ended. */
    OPEN,
    /** Checked as fixed and closed by a shift leader (结案). */
    CLOSED,
    /** Not confirmed by on-site verification (核实不属实). */
    INVALID,
    /** Verified but not registered (不予立案), with the reason. */
    NOT_REGISTERED,
    /** Cancelled by a shift leader (作废), with the reason. */
    CANCELLED,
    /** Marked at acceptance as a duplicate (重复上报) of another open case, which the report joins. */
    DUPLICATE
}
