package org.citycase.assessment;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The assessment fixture and its leader for tests of other packages, such as the browser tests. */
public final class AssessmentTestData {

    /** A user of the leaders group. */
    public static final String CHIEF = Chief.ID;
    public static final String CHIEF_PASSWORD = Chief.PASSWORD;

    private AssessmentTestData() {
    }

    /** Writes May 2025 of {@link MayFixture} and creates the leader, unless they exist. */
    public static void ensure(JdbcClient jdbc, IdentityService identity) {
        MayFixture.ensure(jdbc);
        Chief.ensure(identity);
    }
}
