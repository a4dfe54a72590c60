package dev.msakit.gateway.control;

import dev.msakit.contracts.ServiceIds;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** gateway.control-plane.*: how this gateway reaches release-control, which decides what it routes. */
@ConfigurationProperties("gateway.control-plane")
public class ControlPlaneProperties {

    /** release-control's service id (found through Eureka, balanced by Ribbon). */
    private String service = ServiceIds.RELEASE_CONTROL;
    /** This gateway's service account at member-service: the SERVICE token release-control's /internal asks for. */
    private String clientId = ServiceIds.GATEWAY;
    private String clientSecret;
    /** How long one long poll of the routing table waits for a change before release-control answers 304. */
    private Duration longPollWait = Duration.ofSeconds(25);
    /** After a failed poll: the pause before the next, while routing goes on with the last table. */
    private Duration retryDelay = Duration.ofSeconds(1);
    /** How often this gateway reports its applied revision and counters (read by GatewayReporter's schedule). */
    private long reportIntervalMs = 2000;

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public Duration getLongPollWait() {
        return longPollWait;
    }

    public void setLongPollWait(Duration longPollWait) {
        this.longPollWait = longPollWait;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getReportIntervalMs() {
        return reportIntervalMs;
    }

    public void setReportIntervalMs(long reportIntervalMs) {
        this.reportIntervalMs = reportIntervalMs;
    }
}
