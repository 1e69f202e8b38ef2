package org.citycase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The city's message platform as the tests meet it: a real HTTP server on a free local port that takes the notices
 * citycase POSTs (see {@code WebhookNoticeChannel}), keeps their bodies, and can be taken down, when it answers
 * 503. One per test JVM; the shared test context is pointed at it by {@link Initializer}.
 */
public final class NoticeTarget {

    private static NoticeTarget instance;

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    private NoticeTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notices", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** The one platform of this JVM, started on first use. */
    public static synchronized NoticeTarget instance() {
        if (instance == null) {
            try {
                instance = new NoticeTarget();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notices";
    }

    /** From now on every notice is refused with 503. */
    public void goDown() {
        down.set(true);
    }

    public void comeBack() {
        down.set(false);
    }

    /** The bodies of the notices taken so far, oldest first. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Points {@code citycase.notices.webhook.url} at the platform. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notice-target",
                    Map.of("citycase.notices.webhook.url", instance().url())));
        }
    }
}
