package org.citycase.citizen.open311;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The two formats of Open311, chosen by the resource's extension; XML is the one the spec requires. */
public enum Open311Format {
    XML("xml", new MediaType("text", "xml", StandardCharsets.UTF_8)),
    JSON("json", new MediaType("application", "json", StandardCharsets.UTF_8));

    private final String extension;
    private final MediaType mediaType;

    Open311Format(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /**
     * The format of an extension.
     *
     * @throws Open311Exception (400, answered in XML) for any other extension
     */
    public static Open311Format of(String extension) {
        for (Open311Format format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw new Open311Exception(HttpStatus.BAD_REQUEST, XML,
                "format '" + extension + "' is not supported: end the resource in .xml or .json");
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
