package org.citycase.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine groups of the staff roles, with the Chinese names shown in Tasklist and Admin. Every
 * department of the catalogue has a group of its own besides these.
 */
public final class Roles {

    public static final String OPERATORS = "operators";
    public static final String SUPERVISORS = "supervisors";
    public static final String SHIFT_LEADERS = "shift-leaders";
    public static final String DISPATCHERS = "dispatchers";
    public static final String PROCESS_ADMINS = "process-admins";
    /** Outside systems that report through {@code /api/reports}: the hotline system, camera analytics. */
    public static final String INTAKE_CLIENTS = "intake-clients";
    /** The command centre (指挥中心), which supervises (督办) departments whose stages run late. */
    public static final String COMMAND_CENTRE = "command-centre";
    /** Leaders who read assessments and rankings. */
    public static final String LEADERS = "leaders";

    /** Prefix of a department's group, e.g. {@code dept-sanitation-east}. */
    public static final String DEPARTMENT_PREFIX = "dept-";

    /** Staff role groups and their Chinese names, in the order of the loop. */
    public static final Map<String, String> STAFF_GROUPS = staffGroups();

    private Roles() {
    }

    /** The Spring Security authority of a member of an engine group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }

    private static Map<String, String> staffGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(OPERATORS, "受理员");
        groups.put(SUPERVISORS, "监督员");
        groups.put(SHIFT_LEADERS, "值班长");
        groups.put(DISPATCHERS, "派遣员");
        groups.put(COMMAND_CENTRE, "指挥中心");
        groups.put(LEADERS, "领导");
        groups.put(INTAKE_CLIENTS, "接入系统");
        groups.put(PROCESS_ADMINS, "流程管理员");
        return java.util.Collections.unmodifiableMap(groups);
    }
}
