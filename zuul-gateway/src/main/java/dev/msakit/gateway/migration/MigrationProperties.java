package dev.msakit.gateway.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * gateway.migration.*: how the per-feature switches behave on this gateway (the switches themselves come from
 * release-control, see {@link SwitchTable}).
 */
@ConfigurationProperties("gateway.migration")
public class MigrationProperties {

    /** Answer every routed response with X-Migration-Target: legacy|new (turn off in production if unwanted). */
    private boolean targetHeader = true;
    /** A read for the new side goes to legacy while the new side's circuit is open (counted); writes never do. */
    private boolean readFallbackToLegacy = true;
    /** Shadow replays at most this many requests at once; more are skipped (counted), never queued unboundedly. */
    private int shadowConcurrency = 2;
    private int shadowQueue = 100;
    /** Bodies larger than this are not compared. */
    private int shadowMaxBodyBytes = 256 * 1024;
    private Duration shadowTimeout = Duration.ofSeconds(5);
    /** Shadow replays per second per feature, at most (0: no limit); more are skipped and counted. */
    private double shadowRate = 20;

    public double getShadowRate() {
        return shadowRate;
    }

    public void setShadowRate(double shadowRate) {
        this.shadowRate = shadowRate;
    }
    /** The anonymous client's sticky cookie for PERCENT mode. */
    private String cookie = "msa-migration";

    public boolean isTargetHeader() {
        return targetHeader;
    }

    public void setTargetHeader(boolean targetHeader) {
        this.targetHeader = targetHeader;
    }

    public boolean isReadFallbackToLegacy() {
        return readFallbackToLegacy;
    }

    public void setReadFallbackToLegacy(boolean readFallbackToLegacy) {
        this.readFallbackToLegacy = readFallbackToLegacy;
    }

    public int getShadowConcurrency() {
        return shadowConcurrency;
    }

    public void setShadowConcurrency(int shadowConcurrency) {
        this.shadowConcurrency = shadowConcurrency;
    }

    public int getShadowQueue() {
        return shadowQueue;
    }

    public void setShadowQueue(int shadowQueue) {
        this.shadowQueue = shadowQueue;
    }

    public int getShadowMaxBodyBytes() {
        return shadowMaxBodyBytes;
    }

    public void setShadowMaxBodyBytes(int shadowMaxBodyBytes) {
        this.shadowMaxBodyBytes = shadowMaxBodyBytes;
    }

    public Duration getShadowTimeout() {
        return shadowTimeout;
    }

    public void setShadowTimeout(Duration shadowTimeout) {
        this.shadowTimeout = shadowTimeout;
    }

    public String getCookie() {
        return cookie;
    }

    public void setCookie(String cookie) {
        this.cookie = cookie;
    }
}
