package org.citycase.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo profile's users and whether to create sample cases.
 *
 * @param users role users; department users are derived from the catalogue
 * @param cases create a handful of cases at different stages on the first start
 */
@ConfigurationProperties("citycase.demo")
public record DemoProperties(List<DemoUser> users, boolean cases) {

    public DemoProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A demo user; the password equals the id. */
    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
        public DemoUser {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
