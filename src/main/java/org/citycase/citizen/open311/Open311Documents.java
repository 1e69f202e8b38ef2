package org.citycase.citizen.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The documents of Open311 GeoReport v2, with the spec's field names once written in snake_case. */
final class Open311Documents {

    private Open311Documents() {
    }

    /** The service discovery document. */
    record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {
    }

    /** One API endpoint of the discovery document; {@code formats} are media types. */
    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    /**
     * One entry of the service list.
     *
     * @param metadata whether the service has attributes, to be fetched from its service definition
     * @param type     {@code realtime}: a posted request becomes a case at once
     */
    record ServiceEntry(String serviceCode, String serviceName, String description, boolean metadata, String type,
                        String keywords, String group) {
    }

    /** The service definition: a service's attributes. */
    record ServiceDefinition(String serviceCode, List<ServiceAttribute> attributes) {
    }

    /** The answer to a posted request; no {@code account_id}, as citycase keeps no accounts. */
    record PostedRequest(String serviceRequestId, String serviceNotice) {
    }

    /**
     * A service request as anyone may see it: no reporter's name, contact, device or account. Times are
     * ISO 8601 with the city's offset.
     */
    record ServiceRequest(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            String serviceNotice,
            String requestedDatetime,
            String updatedDatetime,
            String expectedDatetime,
            String address,
            double lat,
            @JsonProperty("long") double longitude,
            String mediaUrl) {
    }
}
