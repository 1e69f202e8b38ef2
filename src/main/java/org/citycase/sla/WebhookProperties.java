package org.citycase.sla;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city's message platform (or a department's own system) that receives every notice as JSON.
 *
 * @param url     where notices are POSTed; none means notices are only recorded and logged
 * @param timeout how long one delivery may take, connecting included
 */
@ConfigurationProperties("citycase.notices.webhook")
public record WebhookProperties(URI url, @DefaultValue("5s") Duration timeout) {
}
