package org.citycase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.citycase.CitycaseApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo, citycase does not start with a default or empty administrator password. */
@Tag("standalone")
class StartupRefusalTest {

    @Test
    void startUpIsRefusedWithTheDemoPasswordOutsideTheDemoProfile() {
        assertThatThrownBy(() -> start("demo", "default"))
                .rootCause()
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("default");
    }

    @Test
    void demoProfileStartsWithTheDemoPassword() {
        try (ConfigurableApplicationContext app = start("demo", "demo")) {
            assertThat(app.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String password, String profile) {
        return new SpringApplicationBuilder(CitycaseApplication.class)
                .profiles(profile)
                .run("--spring.datasource.url=jdbc:h2:mem:refusal-" + profile + ";DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--citycase.demo.cases=false",
                        "--citycase.security.admin.id=demo",
                        "--citycase.security.admin.password=" + password);
    }
}
