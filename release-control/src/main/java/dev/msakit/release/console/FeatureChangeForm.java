package dev.msakit.release.console;

import dev.msakit.release.api.FeatureChange;

import javax.validation.constraints.NotNull;

/**
 * A flip or a percent change as the console's form sends it: the API's change (mode, percent), the version the
 * operator was looking at, and whether to go past the flip gate's objection that the review showed.
 */
public class FeatureChangeForm extends FeatureChange {

    @NotNull
    private Long version;
    private boolean force;

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }
}
