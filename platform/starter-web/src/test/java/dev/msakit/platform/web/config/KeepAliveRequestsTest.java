package dev.msakit.platform.web.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One connection carries many requests: Tomcat's own limit (100) made a caller reconnect every 100th request. */
class KeepAliveRequestsTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3}");
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aConnectionOutlivesTomcatsHundredRequests() throws IOException {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new PlatformWebAutoConfiguration.TomcatCustomizations().keepAliveRequests(1000).customize(factory);

        assertThat(answersOnOneConnection(factory, 150)).isEqualTo(150);
    }

    @Test
    void withoutItTomcatClosesTheConnectionAfterAHundred() throws IOException {
        assertThat(answersOnOneConnection(new TomcatServletWebServerFactory(0), 150)).isEqualTo(100);
    }

    /** Sends that many pipelined requests on one connection (the last asks to close it); counts the answers. */
    private int answersOnOneConnection(TomcatServletWebServerFactory factory, int requests) throws IOException {
        server = factory.getWebServer();
        server.start();
        StringBuilder pipeline = new StringBuilder();
        for (int i = 1; i <= requests; i++) {
            pipeline.append("GET /").append(i).append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append(i == requests ? "Connection: close\r\n" : "").append("\r\n");
        }
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(pipeline.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int count = 0;
            Matcher matcher = STATUS_LINE.matcher(answers);
            while (matcher.find()) {
                count++;
            }
            return count;
        }
    }
}
