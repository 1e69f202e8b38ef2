package org.citycase.intake;

/**
 * What became of a report.
 *
 * @param caseNumber the case the report is part of: a new case, or the open case it duplicates
 * @param duplicate  {@code true} when the report joined an existing open case as a duplicate (重复上报)
 *                   and no case or process was made of it
 */
public record ReportOutcome(String caseNumber, boolean duplicate) {

    static ReportOutcome newCase(String caseNumber) {
        return new ReportOutcome(caseNumber, false);
    }

    static ReportOutcome duplicateOf(String caseNumber) {
        return new ReportOutcome(caseNumber, true);
    }
}
