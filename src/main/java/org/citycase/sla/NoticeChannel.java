package org.citycase.sla;

/**
 * A way of telling people about notices: a log, a text message gateway, the city's work app. Every Spring bean of
 * this type receives every notice after it is recorded in the case file.
 *
 * <p>{@link #deliver} runs inside the engine's transaction. A channel that throws fails the step that sent the
 * notice: inside a timer's job the engine retries the job and, when the retries are used up, raises an incident
 * (see {@link WebhookNoticeChannel}); inside a person's request the person's action fails. A channel that reaches
 * an outside system from a person's request should therefore send after commit and not throw.
 */
public interface NoticeChannel {

    /** Hands one notice to the channel. */
    void deliver(Notice notice);
}
