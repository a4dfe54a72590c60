package dev.msakit.release.console;

import dev.msakit.contracts.release.FeatureRoute.Mode;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

/** A flip or a percent change as the console's form sends it, with the version the operator was looking at. */
public class FeatureChangeForm {

    @NotNull
    private Mode mode;
    @Min(0)
    @Max(100)
    private Integer percent;
    @NotNull
    private Long version;
    /** Past the flip gate's objection, which the confirmation showed. */
    private boolean force;

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

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
