package org.citycase.web;

import java.util.List;

/**
 * The body of every error answer of {@code /api}.
 *
 * @param status  the HTTP status code
 * @param message a sentence that names what was wrong
 * @param errors  one entry per bad field; empty when the error is not about fields
 */
public record ApiError(int status, String message, List<FieldProblem> errors) {
}
