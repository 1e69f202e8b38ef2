package org.citycase.citizen.duplicate;

/**
 * The open case that a new report duplicates.
 *
 * @param caseId         the case's row id
 * @param caseNumber     the case's number, which the reporter is told
 * @param distanceMeters how far the new report's point lies from the case's point
 */
public record DuplicateMatch(long caseId, String caseNumber, double distanceMeters) {
}
