package org.citycase.citizen.open311;

import java.util.List;

/**
 * An extra question of a service, as Open311 defines attributes.
 *
 * @param variable            whether the user answers it; {@code false} marks information only; default true
 * @param datatype            string, number, datetime, text, singlevaluelist or multivaluelist
 * @param required            whether a request must answer it; default false
 * @param datatypeDescription how to answer, e.g. the unit of a number; may be {@code null}
 * @param order               position in the form, from 1
 * @param description         the question users see
 * @param values              the choices of a list; {@code null} for other datatypes
 */
public record ServiceAttribute(
        Boolean variable,
        String code,
        String datatype,
        Boolean required,
        String datatypeDescription,
        Integer order,
        String description,
        List<Value> values) {

    public ServiceAttribute {
        variable = variable == null ? Boolean.TRUE : variable;
        required = required == null ? Boolean.FALSE : required;
    }

    /** One choice of a list attribute: the key a client sends and the name users see. */
    public record Value(String key, String name) {
    }
}
