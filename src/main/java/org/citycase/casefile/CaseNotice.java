package org.citycase.casefile;

import java.time.OffsetDateTime;

/**
 * A notice sent to a group about a case's time limit: a warning, an escalation, an extension or a suspension.
 *
 * @param stage           the stage it is about, e.g. {@code acknowledge}; {@code null} when about the case
 * @param kind            what happened, e.g. {@code WARNING} or {@code ESCALATION}
 * @param escalationLevel the escalation level for escalations, {@code null} otherwise
 * @param recipientGroup  the engine group told, e.g. {@code command-centre}
 * @param message         the text, in Chinese, naming the case and the stage and no person
 */
public record CaseNotice(String stage, String kind, Integer escalationLevel, String recipientGroup, String message,
                         OffsetDateTime createdAt) {
}
