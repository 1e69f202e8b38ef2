package org.citycase.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Our API answers JSON to browsers too, although jackson-dataformat-xml is on the classpath and a
 * browser's Accept header ranks XML above anything else it takes.
 */
@CitycaseSpringTest
class JsonAnswersTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void logIn() {
        TestUsers.ensure(identity);
        http = http.withBasicAuth(TestUsers.LEADER, TestUsers.password(TestUsers.LEADER));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/categories", "/api/departments", "/api/cases?size=1", "/api/rewards/2026-01"})
    void answersJsonToABrowser(String path) {
        ResponseEntity<String> answer = get(path, BROWSER);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(answer.getBody()).matches("(?s)^[\\[{].*");
    }

    @Test
    void answersErrorsInJsonToABrowser() {
        ResponseEntity<String> answer = get("/api/cases/1999010100001", BROWSER);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void refusesAClientThatTakesOnlyXml() {
        assertThat(get("/api/categories", "application/xml").getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    private ResponseEntity<String> get(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
