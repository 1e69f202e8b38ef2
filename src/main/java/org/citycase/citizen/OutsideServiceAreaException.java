package org.citycase.citizen;

/** A point outside the city's service area, or outside the pilot area while only the pilot is served. */
public class OutsideServiceAreaException extends RuntimeException {

    public OutsideServiceAreaException(String message) {
        super(message);
    }
}
