package org.citycase.sla;

import java.util.Arrays;
import java.util.List;

/**
 * What one escalation level (督办) of a stage does, as the decision table {@code escalation} says.
 *
 * @param notifyGroups     engine groups to tell, possibly none
 * @param supervisionGroup the group given a supervision task, null when the level only tells
 * @param escalateFurther  whether a next level follows
 */
public record EscalationRule(List<String> notifyGroups, String supervisionGroup, boolean escalateFurther) {

    public EscalationRule {
        notifyGroups = List.copyOf(notifyGroups);
        supervisionGroup = supervisionGroup == null || supervisionGroup.isBlank() ? null : supervisionGroup.strip();
    }

    /**
     * A rule from the table's outputs.
     *
     * @param notifyGroups comma-separated groups, blanks and repeats ignored; null for none
     */
    public static EscalationRule of(String notifyGroups, String supervisionGroup, boolean escalateFurther) {
        List<String> groups = notifyGroups == null ? List.of() : Arrays.stream(notifyGroups.split(","))
                .map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
        return new EscalationRule(groups, supervisionGroup, escalateFurther);
    }
}
