package org.citycase.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first process administrator, created at start-up when missing. Outside the demo profile the
 * password must be set (environment variable {@code CITYCASE_ADMIN_PASSWORD}) and must not be a
 * default or a short one.
 *
 * @param id       the administrator's user id
 * @param password the initial password; changed afterwards in Camunda Admin
 */
@ConfigurationProperties("citycase.security.admin")
public record AdminProperties(String id, String password) {

    static final int MIN_LENGTH = 12;
    private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda",
            "citycase", "123456", "12345678", "123456789012");

    /**
     * Why the password is unfit for a real installation.
     *
     * @return the reason, or {@code null} when it is fit
     */
    String weakness() {
        if (id == null || id.isBlank()) {
            return "citycase.security.admin.id is empty";
        }
        if (password == null || password.isBlank()) {
            return "the admin password is empty: set CITYCASE_ADMIN_PASSWORD";
        }
        if (DEFAULTS.contains(password.toLowerCase()) || password.equalsIgnoreCase(id)) {
            return "the admin password is a default one: set CITYCASE_ADMIN_PASSWORD";
        }
        if (password.length() < MIN_LENGTH) {
            return "the admin password is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }
}
