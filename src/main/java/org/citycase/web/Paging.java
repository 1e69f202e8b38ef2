package org.citycase.web;

/** The page and size of a listing, checked the same way by every API that pages. */
public final class Paging {

    private Paging() {
    }

    /**
     * @throws InvalidInputException naming {@code page} or {@code size} when either is out of range
     */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size", "must be between 1 and " + maxSize);
        }
    }
}
