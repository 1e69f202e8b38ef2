package org.citycase.citizen.open311;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes Open311 answers in JSON or XML from the same records, with the spec's snake_case field names
 * and absent values left out. In XML a list becomes a wrapper element named like the JSON field with one
 * child per item named in the singular ({@code attributes/attribute}); top-level lists get the names the
 * spec gives ({@code service_requests/request}). Every XML answer starts with the XML declaration naming
 * UTF-8, as the spec requires.
 */
@Component
class Open311Renderer {

    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            .getBytes(StandardCharsets.UTF_8);

    /** A list answer: a JSON array, or in XML the root element with one item element per entry. */
    ResponseEntity<byte[]> list(HttpStatus status, Open311Format format, String root, String item, List<?> items) {
        JsonNode tree = json.valueToTree(items);
        byte[] body = format == Open311Format.JSON ? bytes(tree) : xml(root, item, tree);
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }

    /** A single-object answer: a JSON object, or in XML the root element holding the fields. */
    ResponseEntity<byte[]> object(Open311Format format, String root, Object value) {
        JsonNode tree = json.valueToTree(value);
        byte[] body = format == Open311Format.JSON ? bytes(tree) : xml(root, null, tree);
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }

    private byte[] bytes(JsonNode tree) {
        try {
            return json.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an Open311 answer", e);
        }
    }

    private byte[] xml(String root, String item, JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // written by hand: the StAX writer would quote the declaration's values with apostrophes
        out.writeBytes(DECLARATION);
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartElement(root);
            if (tree.isArray()) {
                for (JsonNode entry : tree) {
                    element(writer, item, entry);
                }
            } else {
                fields(writer, tree);
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an Open311 answer", e);
        }
        return out.toByteArray();
    }

    private void element(XMLStreamWriter writer, String name, JsonNode value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value.isObject()) {
            fields(writer, value);
        } else if (value.isArray()) {
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (JsonNode entry : value) {
                element(writer, child, entry);
            }
        } else {
            writer.writeCharacters(value.asText());
        }
        writer.writeEndElement();
    }

    private void fields(XMLStreamWriter writer, JsonNode object) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                element(writer, field.getKey(), field.getValue());
            }
        }
    }
}
