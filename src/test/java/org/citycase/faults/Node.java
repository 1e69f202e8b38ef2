package org.citycase.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One citycase node as its own operating-system process on a given database, as it runs in production
 * ({@code java ... CitycaseApplication}), so a test can run two side by side or kill one with SIGKILL.
 * Its output goes to {@code target/nodes/<name>.log}.
 */
final class Node implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "node-test-admin-1";

    private final String name;
    private final String jdbcUrl;
    private final List<String> extraArgs;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    Node(String name, String jdbcUrl, String... extraArgs) throws IOException {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.extraArgs = List.of(extraArgs);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts the node and waits until its health endpoint answers UP. */
    Node start() throws IOException, InterruptedException {
        Path log = Path.of("target", "nodes", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.citycase.CitycaseApplication",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=" + port,
                "--citycase.security.admin.id=" + ADMIN,
                "--citycase.security.admin.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    /** Kills the node without warning (SIGKILL), as a power cut or the OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postMultipart(String path, String boundary, byte[] body)
            throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials);
    }

    private void awaitHealthy(Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped during start-up; see target/nodes/"
                        + name + ".log");
            }
            try {
                if (get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS); // returns at once if the node dies meanwhile
        }
        throw new IllegalStateException("Node " + name + " did not become healthy in " + patience);
    }
}
