package org.citycase.web;

/**
 * What is wrong with one field of a request.
 *
 * @param field   the field's name as the client sent it, e.g. {@code longitude} or {@code photoUrls[2]}
 * @param message what is wrong, in words a client developer can act on
 */
public record FieldProblem(String field, String message) {
}
