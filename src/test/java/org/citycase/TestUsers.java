package org.citycase;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users of each role for tests that log in; created once per engine. The groups themselves are
 * created by the application at start-up. Each password is {@code pw-} and the user id.
 */
public final class TestUsers {

    public static final String OPERATOR = "t-operator";
    public static final String SUPERVISOR = "t-supervisor";
    public static final String LEADER = "t-leader";
    public static final String DISPATCHER = "t-dispatcher";
    public static final String SANITATION_EAST = "t-sanitation-east";
    public static final String ROADS = "t-roads";
    /** Used by the browser test alone, so that the department's task list holds only that test's task. */
    public static final String WATER = "t-water";
    /** Used by the inbox test alone, so that the department's inbox holds only that test's tasks. */
    public static final String STREETLIGHT = "t-streetlight";
    /** Used by the inbox page's browser test alone. */
    public static final String TELECOM = "t-telecom";
    public static final String ADMIN = "t-admin";

    private static final Map<String, String> GROUPS = Map.of(
            WATER, "dept-water",
            OPERATOR, "operators",
            SUPERVISOR, "supervisors",
            LEADER, "shift-leaders",
            DISPATCHER, "dispatchers",
            SANITATION_EAST, "dept-sanitation-east",
            ROADS, "dept-roads",
            STREETLIGHT, "dept-streetlight",
            TELECOM, "dept-telecom",
            ADMIN, "process-admins");

    private TestUsers() {
    }

    public static String password(String user) {
        return "pw-" + user;
    }

    /** Creates the users that are missing. */
    public static void ensure(IdentityService identity) {
        GROUPS.forEach((id, group) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setFirstName(id);
                user.setLastName("test");
                user.setPassword(password(id));
                identity.saveUser(user);
                identity.createMembership(id, group);
            }
        });
    }
}
