package dev.msakit.admin;

import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the login page's {@code redirectTo} says, if that is a page of this server: a login link that sends the
 * operator, freshly logged in, to another host is a phishing tool (an open redirect). Anything else goes to the
 * default page.
 */
class LocalRedirectAfterLogin extends SavedRequestAwareAuthenticationSuccessHandler {

    LocalRedirectAfterLogin(String targetUrlParameter, String defaultTargetUrl) {
        setTargetUrlParameter(targetUrlParameter);
        setDefaultTargetUrl(defaultTargetUrl);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
        String target = super.determineTargetUrl(request, response);
        return isLocal(target, request) ? target : getDefaultTargetUrl();
    }

    static boolean isLocal(String target, HttpServletRequest request) {
        if (target == null || target.contains("\\")) {
            return false;
        }
        try {
            URI uri = new URI(target);
            if (uri.getScheme() == null && uri.getAuthority() == null) {
                // A path on this server; "//host/..." has an authority and is not one.
                return target.startsWith("/");
            }
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == (uri.getPort() == -1
                    ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
