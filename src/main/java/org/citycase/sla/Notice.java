package org.citycase.sla;

import java.util.Objects;

/**
 * A notice to an engine group about a case's time limit. It names the case and the stage, never a person, so it
 * may be logged and sent anywhere.
 *
 * @param caseNumber      never null
 * @param stage           the stage it is about, e.g. {@code handle}; null when about the case as a whole
 * @param kind            never null
 * @param escalationLevel the level of an escalation, null for other kinds
 * @param recipientGroup  the engine group told, e.g. {@code command-centre}; never null
 * @param message         the text in Chinese; never null
 */
public record Notice(String caseNumber, String stage, NoticeKind kind, Integer escalationLevel,
                     String recipientGroup, String message) {

    public Notice {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipientGroup, "recipientGroup");
        Objects.requireNonNull(message, "message");
    }
}
