package org.citycase.citizen.open311;

/**
 * One entry of an Open311 error answer.
 *
 * @param code        the HTTP status code
 * @param description what was wrong, naming the argument
 */
public record Open311Error(int code, String description) {
}
