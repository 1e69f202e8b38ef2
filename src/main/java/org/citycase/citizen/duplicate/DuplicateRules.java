package org.citycase.citizen.duplicate;

/** The duplicate rule of each category; the city keeps them in {@code decisions/duplicate-rule.dmn}. */
public interface DuplicateRules {

    /** The rule for a category code; every category has one, through the table's default row. */
    DuplicateRule ruleFor(String categoryCode);
}
