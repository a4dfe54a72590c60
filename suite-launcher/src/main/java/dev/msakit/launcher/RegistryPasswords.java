package dev.msakit.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Each registering application's own registry account, named as the application (eureka-server's RegistryAccounts):
 * REGISTRY_PASSWORD_&lt;APP&gt; from the environment, else generated once and kept (readable by its owner only) in a
 * folder of ./msa's run directory, so that a restarted application keeps its password.
 */
public final class RegistryPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;
    private final Path kept;

    public RegistryPasswords(Map<String, String> environment, Path kept) {
        this.environment = environment;
        this.kept = kept;
    }

    /** REGISTRY_PASSWORD_ORDER_SERVICE for order-service. */
    public static String variable(String application) {
        return "REGISTRY_PASSWORD_" + application.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String of(String application) {
        String given = environment.get(variable(application));
        if (given != null && !given.isBlank()) {
            return given;
        }
        try {
            Path file = kept.resolve(application);
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            if (!Files.isDirectory(kept)) {
                Files.createDirectories(kept, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            byte[] secret = new byte[18];
            RANDOM.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Path writing = Files.createTempFile(kept, application, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(writing, password, StandardCharsets.UTF_8);
            Files.move(writing, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the registry password of " + application, e);
        }
    }
}
