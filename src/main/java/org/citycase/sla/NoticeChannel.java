package org.citycase.sla;

/**
 * A way of telling people about notices: a log, a text message gateway, the city's work app. Every Spring bean of
 * this type receives every notice after it is recorded in the case file.
 *
 * <p>{@link #deliver} runs inside the engine's transaction, which may still roll back (a timer's step failing,
 * for instance, is retried). A channel that reaches an outside system should therefore only queue the notice
 * here and send it after commit, e.g. from a {@code TransactionSynchronization}, so a rolled-back step sends
 * nothing. It should not throw: a failing channel would roll back the case's step.
 */
public interface NoticeChannel {

    /** Hands one notice to the channel. */
    void deliver(Notice notice);
}
