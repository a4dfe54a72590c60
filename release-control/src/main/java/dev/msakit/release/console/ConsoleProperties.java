package dev.msakit.release.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The operators' console (/console): where its links lead and how often its live parts refresh. */
@ConfigurationProperties("release-control.console")
public class ConsoleProperties {

    /** Zipkin's UI as the operator's browser reaches it: a shadow difference's trace id links there. */
    private String zipkinUrl = "http://localhost:9411";
    /** How often the page's script refreshes the live parts (counters, release rows); 0 turns it off. */
    private int refreshSeconds = 5;

    public String getZipkinUrl() {
        return zipkinUrl;
    }

    public void setZipkinUrl(String zipkinUrl) {
        this.zipkinUrl = zipkinUrl.endsWith("/") ? zipkinUrl.substring(0, zipkinUrl.length() - 1) : zipkinUrl;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }

    public void setRefreshSeconds(int refreshSeconds) {
        this.refreshSeconds = refreshSeconds;
    }
}
