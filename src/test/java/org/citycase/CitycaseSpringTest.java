package org.citycase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on an in-memory H2 database with the job executor off, shared by every test
 * class that carries this annotation (one Spring context for all of them). Tests fire timers by
 * moving the engine clock and executing jobs, never by waiting. Metrics are on, as in production, so
 * the Prometheus endpoint can be tested. Notices go to a real local HTTP server, {@link NoticeTarget}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:citycase-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "citycase.open311.clients[0].name=open311-conformance-tests",
        "citycase.open311.clients[0].key=test-open311-key",
        "citycase.security.admin.id=admin",
        "citycase.security.admin.password=test-admin-password-1"
})
@ContextConfiguration(initializers = NoticeTarget.Initializer.class)
public @interface CitycaseSpringTest {
}
