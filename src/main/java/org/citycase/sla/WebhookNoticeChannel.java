package org.citycase.sla;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * POSTs every notice as JSON to the message platform of {@code citycase.notices.webhook.url}.
 *
 * <p>Warnings and escalations come from timers, that is from jobs. There a notice is sent at once and a failed
 * delivery (no answer, or an answer other than 2xx) fails the job: the engine retries it on the retry cycle of
 * the configuration (three tries in all, five minutes apart), then raises an incident that Cockpit shows with this
 * channel's message, and retrying it there sends the notice and lets the stage go on. A delivery may thus be
 * repeated; {@code key} is the same each time, so the receiver can drop repeats.
 *
 * <p>Notices that follow a person's action (an extension or suspension decided) are sent after that action has
 * committed: a platform that is down must not refuse the person's work. Such a failed delivery is logged and
 * counted ({@code citycase.notices.undelivered}); the notice stays in the case file.
 */
@Component
@ConditionalOnProperty("citycase.notices.webhook.url")
public class WebhookNoticeChannel implements NoticeChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNoticeChannel.class);

    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Counter undelivered;

    public WebhookNoticeChannel(WebhookProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.undelivered = Counter.builder("citycase.notices.undelivered")
                .description("Notices after a person's action that the message platform did not take")
                .register(meters);
    }

    @Override
    public void deliver(Notice notice) {
        if (inJob() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            send(notice);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    send(notice);
                } catch (NoticeDeliveryException e) {
                    undelivered.increment();
                    LOG.warn("{}; the notice stays in the case file only", e.getMessage());
                }
            }
        });
    }

    private static boolean inJob() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ExecuteJobsCmd;
    }

    private void send(Notice notice) {
        HttpRequest request = HttpRequest.newBuilder(properties.url()).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(notice))).build();
        String what = notice.kind() + " notice of case " + notice.caseNumber()
                + (notice.stage() == null ? "" : " stage " + notice.stage());
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new NoticeDeliveryException("Message platform " + properties.url() + " unreachable for " + what
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeDeliveryException("Interrupted while sending " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NoticeDeliveryException("Message platform " + properties.url() + " answered "
                    + response.statusCode() + " to " + what, null);
        }
    }

    private String body(Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", String.join("/", notice.caseNumber(), String.valueOf(notice.stage()), notice.kind().name(),
                String.valueOf(notice.escalationLevel()), notice.recipientGroup()));
        body.put("caseNumber", notice.caseNumber());
        body.put("stage", notice.stage());
        body.put("kind", notice.kind().name());
        body.put("escalationLevel", notice.escalationLevel());
        body.put("recipientGroup", notice.recipientGroup());
        body.put("message", notice.message());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notice the message platform did not take. */
    public static final class NoticeDeliveryException extends RuntimeException {
        NoticeDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
