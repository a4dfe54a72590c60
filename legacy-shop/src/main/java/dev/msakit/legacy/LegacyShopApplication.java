package dev.msakit.legacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The "before" of the migration: catalog and ordering in one application and one database, an order and its stock
 * changed in one local transaction, no remote calls between features. It serves the public API of the features it
 * still owns so the gateway can send each request to either side, and it publishes its changes (outbox) and applies
 * the new side's, so a flip in either direction loses nothing.
 */
@SpringBootApplication
public class LegacyShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(LegacyShopApplication.class, args);
    }
}
