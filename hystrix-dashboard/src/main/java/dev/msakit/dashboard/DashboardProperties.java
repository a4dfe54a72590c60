package dev.msakit.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

@ConfigurationProperties("dashboard")
@ConstructorBinding
public class DashboardProperties {

    /** The aggregated stream the landing page opens. */
    private final String turbineStreamUrl;
    private final String title;

    public DashboardProperties(String turbineStreamUrl, String title) {
        this.turbineStreamUrl = turbineStreamUrl;
        this.title = title == null ? "msa-kit" : title;
    }

    public String getTurbineStreamUrl() {
        return turbineStreamUrl;
    }

    public String getTitle() {
        return title;
    }
}
