package org.citycase.assessment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One unit's line of an assessment.
 *
 * @param code       a department or area code, or a user id
 * @param name       the Chinese name
 * @param indicators counts (whole numbers) and percentages (0 to 100, two decimals) by indicator id, in column
 *                   order; a percentage is {@code null} when not applicable (nothing was due)
 * @param score      the composite score from 0 to 100 with two decimals, {@code null} when no weighted percentage
 *                   applies
 * @param grade      A to E, {@code null} without a score
 * @param rank       1 for the best; equal scores share a rank and the next rank skips; {@code null} without a score
 * @param combined   for a district, the city-wide combination; {@code null} for other levels
 */
public record AssessedUnit(String code, String name, Map<String, Object> indicators, BigDecimal score, String grade,
                           Integer rank, Combined combined) {

    /**
     * A district's city-wide score: the case-based score combined with the special assessments and on-site
     * inspections that an administrator entered, by the weights of the table's level {@code district-combined}.
     *
     * @param caseScore    the case-based score of this assessment, {@code null} when it has none
     * @param specialScore the special assessments' score (专项考核), {@code null} when none was entered
     * @param onSiteScore  the on-site inspections' score (实地检查), {@code null} when none was entered
     * @param score        the combined score; the weight of a part without a score is left out
     * @param grade        its grade
     * @param rank         its rank among the districts
     */
    public record Combined(BigDecimal caseScore, BigDecimal specialScore, BigDecimal onSiteScore, BigDecimal score,
                           String grade, Integer rank) {
    }
}
