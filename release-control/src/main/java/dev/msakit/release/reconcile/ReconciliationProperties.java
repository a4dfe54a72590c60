package dev.msakit.release.reconcile;

import dev.msakit.contracts.ServiceIds;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** release-control.reconciliation.*: how often the two sides are compared, and what the flip gate tolerates. */
@ConfigurationProperties("release-control.reconciliation")
public class ReconciliationProperties {

    /** Every feature's data set is reconciled this often (0: only on request). */
    private Duration interval = Duration.ofMinutes(10);
    /** Rows that differ are read again after this long: only those that still differ, alike, are drift. */
    private Duration confirmDelay = Duration.ofSeconds(2);
    /** The flip gate refuses to hand a feature over while either side's publication is further behind. */
    private Duration maxLag = Duration.ofSeconds(5);
    /** Drifted rows kept in a report (all are counted). */
    private int driftListed = 100;
    /** release-control's service account at member-service (its SERVICE token reads the sides' data sets). */
    private String clientId = ServiceIds.RELEASE_CONTROL;
    private String clientSecret;

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Duration getConfirmDelay() {
        return confirmDelay;
    }

    public void setConfirmDelay(Duration confirmDelay) {
        this.confirmDelay = confirmDelay;
    }

    public Duration getMaxLag() {
        return maxLag;
    }

    public void setMaxLag(Duration maxLag) {
        this.maxLag = maxLag;
    }

    public int getDriftListed() {
        return driftListed;
    }

    public void setDriftListed(int driftListed) {
        this.driftListed = driftListed;
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
}
