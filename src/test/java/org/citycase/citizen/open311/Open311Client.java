package org.citycase.citizen.open311;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An Open311 client for the tests: GET and form POST without login, JSON and XML readers. */
final class Open311Client {

    static final String BASE = "/open311/v2/";
    static final String API_KEY = "test-open311-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    Open311Client(TestRestTemplate http) {
        this.http = http;
    }

    /** GET of a path taken as it is, already encoded: {@code %2B} stays a plus sign. */
    ResponseEntity<byte[]> get(String path) {
        return http.getForEntity(URI.create(http.getRootUri() + BASE + path), byte[].class);
    }

    ResponseEntity<byte[]> post(String format, Map<String, List<String>> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::addAll);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(BASE + "requests." + format, new HttpEntity<>(form, headers), byte[].class);
    }

    ResponseEntity<byte[]> postRaw(String format, String body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return http.postForEntity(BASE + "requests." + format, new HttpEntity<>(body, headers), byte[].class);
    }

    static JsonNode json(ResponseEntity<byte[]> answer) {
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + new String(answer.getBody()), e);
        }
    }

    static Document xml(ResponseEntity<byte[]> answer) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.getBody()));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + new String(answer.getBody()), e);
        }
    }

    static String text(Document document, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
        } catch (Exception e) {
            throw new AssertionError("Bad XPath " + xpath, e);
        }
    }

    static int count(Document document, String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
                    .getLength();
        } catch (Exception e) {
            throw new AssertionError("Bad XPath " + xpath, e);
        }
    }
}
