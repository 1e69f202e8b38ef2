package org.citycase.sla;

/** Where stage limits come from: the decision table {@code decisions/stage-limits.dmn} in the running system. */
public interface StageLimitTable {

    /**
     * The limit of a stage.
     *
     * @param stage        the stage, e.g. {@code handle}; never null
     * @param categoryCode the case's category, e.g. {@code E0102}; may be null
     * @param urgent       whether the case is urgent (紧急)
     * @throws IllegalStateException when the table has no rule for the stage
     */
    StageLimit limitOf(String stage, String categoryCode, boolean urgent);
}
