package org.citycase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts citycase: the embedded Camunda engine, the case file and the HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CitycaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(CitycaseApplication.class, args);
    }
}
