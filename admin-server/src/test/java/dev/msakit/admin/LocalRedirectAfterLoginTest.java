package dev.msakit.admin;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRedirectAfterLoginTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");

    LocalRedirectAfterLoginTest() {
        request.setServerName("localhost");
        request.setServerPort(9090);
    }

    @Test
    void pagesOfThisServerAreFollowed() {
        assertThat(LocalRedirectAfterLogin.isLocal("/applications", request)).isTrue();
        assertThat(LocalRedirectAfterLogin.isLocal("http://localhost:9090/wallboard", request)).isTrue();
    }

    @Test
    void otherHostsAndTricksAreNot() {
        assertThat(LocalRedirectAfterLogin.isLocal("https://evil.example/login", request)).isFalse();
        assertThat(LocalRedirectAfterLogin.isLocal("//evil.example/login", request)).isFalse();
        assertThat(LocalRedirectAfterLogin.isLocal("/\\evil.example", request)).isFalse();
        assertThat(LocalRedirectAfterLogin.isLocal("http://localhost:8080/api", request)).isFalse();
        assertThat(LocalRedirectAfterLogin.isLocal("javascript:alert(1)", request)).isFalse();
        assertThat(LocalRedirectAfterLogin.isLocal("applications", request)).isFalse();
    }

    @Test
    void aForeignRedirectToLandsOnTheDefaultPage() throws Exception {
        LocalRedirectAfterLogin handler = new LocalRedirectAfterLogin("redirectTo", "/");
        request.setParameter("redirectTo", "https://evil.example/phish");
        org.springframework.mock.web.MockHttpServletResponse response =
                new org.springframework.mock.web.MockHttpServletResponse();
        handler.onAuthenticationSuccess(request, response, null);
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }
}
