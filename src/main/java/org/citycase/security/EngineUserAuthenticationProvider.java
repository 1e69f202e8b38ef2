package org.citycase.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.citycase.web.ApiExceptionHandler;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks {@code /api} logins against the engine's users, the same that log into Tasklist, and grants
 * one authority per group ({@code GROUP_shift-leaders}). The engine locks a user for a while after
 * failed attempts, here as in the webapps.
 */
@Component
public class EngineUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    public EngineUserAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return check(authentication);
        } catch (RuntimeException e) {
            if (ApiExceptionHandler.databaseUnreachable(e)) {
                throw new DatabaseUnreachableException(e);
            }
            throw e;
        }
    }

    private Authentication check(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad user name or password");
        }
        List<GrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(id -> (GrantedAuthority) new SimpleGrantedAuthority(Roles.authority(id)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    /** The login could not be checked because the database is out of reach; answered with 503, not 401. */
    static class DatabaseUnreachableException extends AuthenticationServiceException {
        DatabaseUnreachableException(Throwable cause) {
            super("The user database is not reachable at the moment", cause);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
