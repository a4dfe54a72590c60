package dev.msakit.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicPathsTest {

    private final PublicPaths paths = PublicPaths.parse(List.of("GET /api/products/**", "POST /api/auth/token",
            "/api/open"));

    @Test
    void aPathIsPublicOnlyForItsMethod() {
        assertThat(paths.matches("GET", "/api/products/1")).isTrue();
        assertThat(paths.matches("DELETE", "/api/products/1")).isFalse();
        assertThat(paths.matches("POST", "/api/auth/token")).isTrue();
        assertThat(paths.matches("GET", "/api/auth/token")).isFalse();
        assertThat(paths.matches("PATCH", "/api/open")).as("no method: every method").isTrue();
        assertThat(paths.matches("GET", "/api/orders")).isFalse();
    }

    @Test
    void whatMayBeReadAnonymouslyMayBeHeadedAnonymously() {
        assertThat(paths.matches("HEAD", "/api/products/1")).isTrue();
        assertThat(paths.matches("HEAD", "/api/auth/token")).as("HEAD is GET's, not POST's").isFalse();
    }

    @Test
    void aMalformedEntryIsRefused() {
        assertThatThrownBy(() -> PublicPaths.parse(List.of("GET /a /b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsTheMethodsOfAPathHeadWithGet() {
        PublicPaths only = PublicPaths.parse(List.of("POST /api/auth/token", "GET /api/.well-known/jwks.json"));
        assertThat(only.methodsFor("/api/auth/token")).containsExactly("POST");
        assertThat(only.methodsFor("/api/.well-known/jwks.json")).containsExactly("GET", "HEAD");
        assertThat(only.methodsFor("/api/products")).isEmpty();
    }
}
