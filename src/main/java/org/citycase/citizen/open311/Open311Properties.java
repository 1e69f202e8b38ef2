package org.citycase.citizen.open311;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public Open311 GeoReport v2 channel.
 *
 * @param jurisdictionId the city's jurisdiction id; requests naming another answer 404
 * @param clients        apps allowed to post requests, each with its own API key; none by default, so
 *                       posting is closed until a city configures its clients
 * @param contact        how to reach the API's maintainers, shown in the discovery document
 * @param keyService     how to get an API key, shown in the discovery document
 * @param services       YAML file with keywords and extra questions (attributes) per service
 * @param maxRequests    most requests one GET requests answer holds
 * @param defaultDays    the window of GET requests without dates, and the longest window allowed, in days
 */
@ConfigurationProperties("citycase.open311")
public record Open311Properties(
        @DefaultValue("shifanshi.citycase") String jurisdictionId,
        List<Client> clients,
        @DefaultValue("示范市城市管理监督指挥中心 citycase@example.org") String contact,
        @DefaultValue("向示范市城市管理监督指挥中心申请 API 密钥：citycase@example.org") String keyService,
        @DefaultValue("config/open311/services.yaml") Path services,
        @DefaultValue("1000") int maxRequests,
        @DefaultValue("90") int defaultDays) {

    public Open311Properties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * An app that posts requests.
     *
     * @param name who the client is, for the log
     * @param key  its API key, a secret
     */
    public record Client(String name, String key) {

        @Override
        public String toString() {
            return "Client[name=" + name + "]";
        }
    }
}
