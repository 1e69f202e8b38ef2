package org.citycase.casefile;

/** The traffic light of a stage run (红黄绿灯). */
public enum StageLight {
    /** Below the warning share of its limit. */
    GREEN,
    /** Past the warning share (by default 80 %) of its limit, not yet due. */
    YELLOW,
    /** Past its limit: overdue and escalated (督办). */
    RED
}
