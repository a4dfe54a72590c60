package dev.msakit.release.api;

import dev.msakit.contracts.release.FeatureRoute.Mode;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;

/** Body of PUT /api/admin/features/{name}: {"mode": "PERCENT", "percent": 30}. */
public class FeatureChange {

    @NotNull
    private Mode mode;

    /** Required for PERCENT; kept as it was when left out for another mode. */
    @Min(0)
    @Max(100)
    private Integer percent;

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
}
