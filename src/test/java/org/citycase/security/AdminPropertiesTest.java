package org.citycase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminPropertiesTest {

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource(nullValues = "NULL", value = {
        "admin, NULL, empty",
        "admin, '   ', empty",
        "admin, demo, default",
        "admin, Admin, default",
        "admin, changeme, default",
        "longadministrator, longadministrator, default",
        "admin, short-pw-1, shorter than 12",
        "NULL, a-long-enough-secret, id is empty"})
    void weakAdminSecretsAreNamed(String id, String password, String reason) {
        assertThat(new AdminProperties(id, password).weakness()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"admin, a-long-enough-secret", "root, Xk7#p2!qLm9z"})
    void strongAdminSecretIsAccepted(String id, String password) {
        assertThat(new AdminProperties(id, password).weakness()).isNull();
    }
}
