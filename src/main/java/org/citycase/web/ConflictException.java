package org.citycase.web;

/** The request does not fit the resource's current state; answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
