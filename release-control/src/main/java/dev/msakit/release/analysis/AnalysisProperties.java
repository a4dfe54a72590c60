package dev.msakit.release.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** release-control.analysis.key: what delivery controllers present in X-Analysis-Key (empty: endpoints off). */
@Configuration(proxyBeanMethods = false)
@ConfigurationProperties("release-control.analysis")
public class AnalysisProperties {

    private String key;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
