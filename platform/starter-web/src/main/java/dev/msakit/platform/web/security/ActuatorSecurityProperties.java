package dev.msakit.platform.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account allowed to read the sensitive actuator endpoints (env, loggers, metrics...). Spring Boot Admin
 * gets it from the instance's Eureka metadata. No defaults: the values come from the environment.
 */
@ConfigurationProperties("platform.actuator")
public class ActuatorSecurityProperties {

    private String user;
    private String password;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
