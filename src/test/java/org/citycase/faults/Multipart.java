package org.citycase.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Deploys a model to a node as Camunda Modeler does: a multipart POST to {@code deployment/create}. */
final class Multipart {

    private Multipart() {
    }

    static HttpResponse<String> deploy(Node node, String fileName, String content)
            throws IOException, InterruptedException {
        String boundary = "citycase" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        field(body, boundary, "deployment-name", fileName);
        field(body, boundary, "deployment-source", "citycase tests");
        field(body, boundary, "deploy-changed-only", "true");
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return node.postMultipart("/engine-rest/deployment/create", boundary,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder body, String boundary, String name, String value) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }
}
