package org.citycase.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What is assessed and ranked: organisations (departments, districts, streets) and people of the supervision
 * and command centres (supervisors, operators, shift leaders, dispatchers).
 */
public enum AssessmentLevel {
    DEPARTMENT("department", "专业部门"),
    DISTRICT("district", "区"),
    STREET("street", "街道"),
    SUPERVISOR("supervisor", "监督员"),
    OPERATOR("operator", "受理员"),
    SHIFT_LEADER("shift-leader", "值班长"),
    DISPATCHER("dispatcher", "派遣员");

    private final String id;
    private final String label;

    AssessmentLevel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id used in URLs and in the weights table, e.g. {@code shift-leader}. */
    public String id() {
        return id;
    }

    /** The Chinese name users see. */
    public String label() {
        return label;
    }

    /** The level with this id, or empty for an unknown id. */
    public static Optional<AssessmentLevel> byId(String id) {
        return Arrays.stream(values()).filter(level -> level.id.equals(id)).findFirst();
    }
}
