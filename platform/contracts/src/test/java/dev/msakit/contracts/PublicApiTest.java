package dev.msakit.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicApiTest {

    @Test
    void theGatewayLetsThroughEveryServicesAnonymousEndpointsUnderItsPrefix() {
        assertThat(PublicApi.atGateway("/api")).containsExactlyInAnyOrder("POST /api/members",
                "POST /api/auth/token", "POST /api/auth/token/refresh", "POST /api/auth/logout",
                "GET /api/.well-known/jwks.json", "GET /api/.well-known/openid-configuration", "GET /api/products",
                "GET /api/products/**");
    }

    @Test
    void serviceOnlyEndpointsAndApiDocsAreNeverAnonymousThroughTheGateway() {
        assertThat(PublicApi.atGateway("/api")).noneMatch(p -> p.contains("service-token") || p.contains("api-docs")
                || p.contains("analysis"));
        assertThat(PublicApi.atService(ServiceIds.RELEASE_CONTROL)).contains("GET /analysis/*",
                "POST /analysis/flagger");
        assertThat(PublicApi.atService(ServiceIds.MEMBER)).contains("POST /auth/service-token", "POST /auth/token",
                "GET /v3/api-docs/**");
        assertThat(PublicApi.atService(ServiceIds.ORDER)).containsExactlyElementsOf(PublicApi.API_DOCS);
    }

    @Test
    void orderIdsAreCanonicalUuids() {
        assertThat(OrderIds.isValid("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).isTrue();
        assertThat(OrderIds.normalize("3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
                .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(OrderIds.isValid("------------------------------------")).isFalse();
        assertThat(OrderIds.isValid("3f2504e04f8911d39a0c0305e82c3301")).isFalse();
        assertThat(OrderIds.isValid(null)).isFalse();
    }
}
