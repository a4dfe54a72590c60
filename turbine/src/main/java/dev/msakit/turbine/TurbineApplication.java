package dev.msakit.turbine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.turbine.EnableTurbine;

@SpringBootApplication
@EnableTurbine
public class TurbineApplication {

    public static void main(String[] args) {
        // Turbine reads this Archaius setting before Spring's environment is bridged; without it, it looks for
        // instances only once a minute.
        System.setProperty("turbine.discovery.pollDelayMillis",
                System.getenv().getOrDefault("TURBINE_POLL_DELAY_MS", "5000"));
        SpringApplication.run(TurbineApplication.class, args);
    }
}
