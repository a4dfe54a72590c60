package dev.msakit.contracts.release;

import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One gateway's report on one release ({@code POST /internal/releases/{id}/measurements}, SERVICE token): per role
 * ("prod", "baseline", "canary") what it measured since its previous report. release-control merges the reports of
 * every gateway and judges each interval on the sum.
 */
public class ReleaseMeasurements {

    @NotBlank
    @Size(max = 200)
    private String gateway;
    @NotNull
    @Size(max = 3)
    private Map<String, @Valid RoleMeasurement> roles = new LinkedHashMap<>();

    public ReleaseMeasurements() {
    }

    public ReleaseMeasurements(String gateway, Map<String, RoleMeasurement> roles) {
        this.gateway = gateway;
        this.roles = roles;
    }

    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    public Map<String, RoleMeasurement> getRoles() {
        return roles;
    }

    public void setRoles(Map<String, RoleMeasurement> roles) {
        this.roles = roles;
    }
}
