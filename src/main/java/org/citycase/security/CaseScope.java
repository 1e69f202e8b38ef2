package org.citycase.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Department;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which cases the calling user may see: staff of the centre see every case, a department's users only
 * the cases dispatched to their department, anyone else none.
 */
@Component
public class CaseScope {

    private final Catalogue catalogue;

    public CaseScope(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The department codes the caller is limited to.
     *
     * @return empty when the caller sees every case; otherwise the codes, possibly none
     */
    public Optional<Set<String>> departmentsOfCaller() {
        Set<String> groups = groupsOfCaller();
        boolean staff = Roles.STAFF_GROUPS.keySet().stream()
                .filter(g -> !Roles.INTAKE_CLIENTS.equals(g))
                .anyMatch(groups::contains);
        if (staff) {
            return Optional.empty();
        }
        return Optional.of(catalogue.departments().stream()
                .filter(d -> groups.contains(d.group()))
                .map(Department::code)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The engine groups the calling user belongs to; none without a login. */
    public Set<String> groupsOfCaller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? Set.of() : groups(caller.getAuthorities());
    }

    private static Set<String> groups(Collection<? extends GrantedAuthority> authorities) {
        String prefix = Roles.authority("");
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .collect(Collectors.toSet());
    }
}
