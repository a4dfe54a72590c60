package dev.msakit.systemtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators' console as a browser session without a browser: cookies kept, the login form with its CSRF
 * token, pages read as HTML.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROWS = Pattern.compile("<pre class=\"rows\">([^<]*)</pre>");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String console;

    private ConsoleSession(String releaseControlUrl) {
        this.console = releaseControlUrl + "/console";
    }

    static ConsoleSession logIn(String releaseControlUrl, String email, String password) throws IOException {
        ConsoleSession session = new ConsoleSession(releaseControlUrl);
        Matcher token = CSRF.matcher(session.page("/login"));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the console's login page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> in = session.send(HttpRequest.newBuilder(URI.create(session.console + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (in.statusCode() != 302 || !in.headers().firstValue("Location").orElse("").endsWith("/console")) {
            throw new IllegalStateException("console login refused: " + in.statusCode() + " "
                    + in.headers().firstValue("Location").orElse(""));
        }
        return session;
    }

    /** A page's HTML (the path under /console); a status other than 200 is an error. */
    String page(String path) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(console + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("console " + path + ": " + answer.statusCode());
        }
        return answer.body();
    }

    /** The interval rows the releases page shows for the service's release (0 when it shows none). */
    int releaseRows(String service) throws IOException {
        String page = page("/releases");
        int card = page.indexOf("id=\"release-" + service + "\"");
        if (card < 0) {
            return 0;
        }
        Matcher rows = ROWS.matcher(page.substring(card));
        return rows.find() ? (int) rows.group(1).lines().filter(line -> !line.isEmpty()
                && Character.isDigit(line.charAt(0))).count() : 0;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
