package org.citycase.citizen.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An Open311 request that fails; answered with the status and the error list in the request's format. */
public class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;
    private final Open311Format format;

    public Open311Exception(HttpStatus status, Open311Format format, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.format = format;
        this.descriptions = List.copyOf(descriptions);
    }

    public Open311Exception(HttpStatus status, Open311Format format, String description) {
        this(status, format, List.of(description));
    }

    public HttpStatus status() {
        return status;
    }

    public Open311Format format() {
        return format;
    }

    /** The error list, one entry per problem, each with the status as its code. */
    public List<Open311Error> errors() {
        return descriptions.stream().map(d -> new Open311Error(status.value(), d)).toList();
    }
}
