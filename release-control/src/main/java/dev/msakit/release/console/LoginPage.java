package dev.msakit.release.console;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import javax.servlet.http.HttpSession;

/** The console's login form; after a refused login it says why (wrong password, not an administrator, locked). */
@Controller
public class LoginPage {

    @GetMapping(ConsoleSecurityConfig.LOGIN)
    public String login(HttpSession session, Model model) {
        Object refused = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (refused instanceof AuthenticationException) {
            model.addAttribute("problem", ((AuthenticationException) refused).getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return "console/login";
    }
}
