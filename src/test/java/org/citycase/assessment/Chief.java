package org.citycase.assessment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.citycase.security.Roles;

/** A leader (领导) for tests that read rankings; created once per engine, password {@code pw-t-asm-chief}. */
final class Chief {

    static final String ID = "t-asm-chief";
    static final String PASSWORD = "pw-" + ID;

    private Chief() {
    }

    static void ensure(IdentityService identity) {
        if (identity.createUserQuery().userId(ID).count() == 0) {
            User user = identity.newUser(ID);
            user.setFirstName("韩");
            user.setLastName("主任");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(ID, Roles.LEADERS);
        }
    }
}
