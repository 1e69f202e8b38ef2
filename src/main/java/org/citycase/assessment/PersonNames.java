package org.citycase.assessment;

/** The names that rankings show for people. */
public interface PersonNames {

    /**
     * The Chinese name of a user, as the identity service holds it.
     *
     * @return the name, or the user id itself for a user the identity service does not know
     */
    String nameOf(String userId);
}
