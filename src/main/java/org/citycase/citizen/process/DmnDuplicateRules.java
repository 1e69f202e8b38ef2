package org.citycase.citizen.process;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.citycase.citizen.duplicate.DuplicateRule;
import org.citycase.citizen.duplicate.DuplicateRules;
import org.springframework.stereotype.Component;

/** The duplicate rules from the decision table {@code duplicate-rule} ({@code decisions/duplicate-rule.dmn}). */
@Component
public class DmnDuplicateRules implements DuplicateRules {

    static final String DECISION = "duplicate-rule";

    private final DecisionTables tables;

    public DmnDuplicateRules(DecisionTables tables) {
        this.tables = tables;
    }

    /**
     * @throws IllegalStateException when the table gives no row, or no radius or window, for the category
     */
    @Override
    public DuplicateRule ruleFor(String categoryCode) {
        DmnDecisionResultEntries row = tables.evaluate(DECISION, Map.of("categoryCode", categoryCode))
                .getFirstResult();
        Number radius = row == null ? null : row.getEntry("radiusMeters");
        Number hours = row == null ? null : row.getEntry("windowHours");
        if (radius == null || hours == null) {
            throw new IllegalStateException("The decision table " + DECISION + " gives no radius and window for "
                    + "category " + categoryCode + ": it needs a default row");
        }
        return new DuplicateRule(radius.intValue(), Duration.ofHours(hours.longValue()));
    }
}
