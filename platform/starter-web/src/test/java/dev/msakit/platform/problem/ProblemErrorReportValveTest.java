package dev.msakit.platform.problem;

import dev.msakit.platform.web.config.PlatformWebAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tomcat refuses before any application code runs still gets a problem body, not Tomcat's HTML page. */
class ProblemErrorReportValveTest {

    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anEncodedNulInThePathIsAProblemNotAnHtmlPage() throws IOException {
        String response = send("GET /products/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400").doesNotContain("<html").doesNotContain("Apache Tomcat");
    }

    @Test
    void anOversizedHeaderIsAProblemToo() throws IOException {
        String response = send("GET /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/problem+json").doesNotContain("<html");
    }

    private String send(String request) throws IOException {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new PlatformWebAutoConfiguration.TomcatCustomizations().problemErrorReportValve().customize(factory);
        server = factory.getWebServer();
        server.start();
        try (Socket socket = new Socket("localhost", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
