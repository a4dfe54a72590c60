package dev.msakit.release.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** release-control's knobs (application.yml, each overridable by an environment variable). */
@ConfigurationProperties("release-control")
@ConstructorBinding
public class ReleaseControlProperties {

    private final long watchIntervalMs;
    private final Duration maxWait;
    private final int diffsKept;
    private final Duration gatewaySilence;

    public ReleaseControlProperties(@DefaultValue("200") long watchIntervalMs, @DefaultValue("60s") Duration maxWait,
                                    @DefaultValue("200") int diffsKept,
                                    @DefaultValue("30s") Duration gatewaySilence) {
        this.watchIntervalMs = watchIntervalMs;
        this.maxWait = maxWait;
        this.diffsKept = diffsKept;
        this.gatewaySilence = gatewaySilence;
    }

    public long getWatchIntervalMs() {
        return watchIntervalMs;
    }

    public Duration getMaxWait() {
        return maxWait;
    }

    public int getDiffsKept() {
        return diffsKept;
    }

    public Duration getGatewaySilence() {
        return gatewaySilence;
    }
}
