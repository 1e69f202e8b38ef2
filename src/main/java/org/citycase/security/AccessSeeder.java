package org.citycase.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Department;
import org.citycase.engine.CaseLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups of every role and department exist with their engine authorizations, that
 * the first administrator exists, and that Tasklist has its filters. Runs at every start and creates
 * only what is missing, so an administrator's own changes in Camunda Admin stay.
 *
 * <p>Staff and department groups may use Tasklist and read the task filters and the case model; what
 * tasks a user sees follows from the task's candidate group or assignee, for which the engine grants
 * access itself. Only {@code process-admins} may deploy, read every case and use Cockpit and Admin.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AccessSeeder.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final Catalogue catalogue;
    private final AdminProperties admin;
    private final TasklistFilters filters;

    /**
     * @throws IllegalStateException outside the demo profile, when the admin password is empty, a
     *                               default one or too short: the application does not start then
     */
    public AccessSeeder(IdentityService identity, AuthorizationService authorizations, Catalogue catalogue,
                        AdminProperties admin, TasklistFilters filters, Environment environment) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.catalogue = catalogue;
        this.admin = admin;
        this.filters = filters;
        String weakness = admin.weakness();
        if (weakness != null && !environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("citycase refuses to start: " + weakness);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> groups = new LinkedHashMap<>(Roles.STAFF_GROUPS);
        for (Department department : catalogue.departments()) {
            groups.put(department.group(), department.name());
        }
        groups.forEach(this::group);
        group(Groups.CAMUNDA_ADMIN, "Camunda 管理员");
        groups.keySet().stream().filter(g -> !Roles.PROCESS_ADMINS.equals(g)).forEach(this::grantStaff);
        grantEverything(Roles.PROCESS_ADMINS);
        grantEverything(Groups.CAMUNDA_ADMIN);
        administrator();
        filters.ensure();
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grantStaff(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, CaseLifecycle.PROCESS_KEY, Permissions.READ);
    }

    private void grantEverything(String group) {
        Arrays.stream(Resources.values()).forEach(resource -> grant(group, resource, Authorization.ANY,
                Permissions.ALL));
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        }
    }

    /**
     * The first administrator joins {@code camunda-admin} as well: the webapps send everyone to their
     * set-up page while that group has no member.
     */
    private void administrator() {
        if (admin.id() == null || admin.id().isBlank() || admin.password() == null || admin.password().isBlank()) {
            return;
        }
        if (identity.createUserQuery().userId(admin.id()).count() == 0) {
            User user = identity.newUser(admin.id());
            user.setFirstName(admin.id());
            user.setLastName("管理员");
            user.setPassword(admin.password());
            identity.saveUser(user);
            LOG.info("Administrator {} created", admin.id());
        }
        for (String group : new String[] {Roles.PROCESS_ADMINS, Groups.CAMUNDA_ADMIN}) {
            if (identity.createUserQuery().userId(admin.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(admin.id(), group);
            }
        }
    }
}
