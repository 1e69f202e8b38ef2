package org.citycase.catalogue;

/**
 * An administrative district (区) of the city.
 *
 * @param code six-digit administrative code in the style of GB/T 2260
 * @param name the Chinese name
 */
public record District(String code, String name) {
}
