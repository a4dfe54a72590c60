package dev.msakit.platform.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.DefaultWebSecurityExpressionHandler;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedAccessorsWebExpressionHandlerTest {

    private final SharedAccessorsWebExpressionHandler shared = new SharedAccessorsWebExpressionHandler();
    private final DefaultWebSecurityExpressionHandler standard = new DefaultWebSecurityExpressionHandler();
    private final FilterInvocation request = new FilterInvocation("/products/1", "GET");

    @Test
    void decidesEveryRuleAsSpringSecuritysOwnHandlerDoes() {
        List<Authentication> callers = List.of(
                new AnonymousAuthenticationToken("key", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
                new UsernamePasswordAuthenticationToken("7", "n/a", AuthorityUtils.createAuthorityList("ROLE_MEMBER")),
                new UsernamePasswordAuthenticationToken("1", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        List<String> rules = List.of("permitAll", "denyAll", "authenticated", "isAnonymous()", "hasRole('ADMIN')",
                "hasAnyRole('MEMBER','ADMIN')", "fullyAuthenticated");
        int allowed = 0;
        for (int round = 0; round < 3; round++) { // later rounds use what the first one cached
            for (Authentication caller : callers) {
                for (String rule : rules) {
                    boolean expected = decide(standard, rule, caller);
                    assertThat(decide(shared, rule, caller)).as(rule + " for " + caller.getName()).isEqualTo(expected);
                    allowed += expected ? 1 : 0;
                }
            }
        }
        // Not a table of all-true or all-false answers.
        assertThat(allowed).isBetween(1, 3 * callers.size() * rules.size() - 1);
    }

    @Test
    void everyRequestsContextUsesTheSameWarmAccessor() {
        Authentication caller = new UsernamePasswordAuthenticationToken("7", "n/a",
                AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
        EvaluationContext first = shared.createEvaluationContext(caller, request);
        EvaluationContext second = shared.createEvaluationContext(caller, request);
        assertThat(second.getPropertyAccessors()).hasSize(1);
        assertThat(second.getPropertyAccessors().get(0)).isSameAs(first.getPropertyAccessors().get(0));
        // Spring Security's own handler: a fresh (cold) accessor per request, the waste avoided here.
        assertThat(standard.createEvaluationContext(caller, request).getPropertyAccessors().get(0))
                .isNotSameAs(standard.createEvaluationContext(caller, request).getPropertyAccessors().get(0));
    }

    private boolean decide(SecurityExpressionHandler<FilterInvocation> handler, String rule, Authentication caller) {
        Expression expression = handler.getExpressionParser().parseExpression(rule);
        return ExpressionUtils.evaluateAsBoolean(expression, handler.createEvaluationContext(caller, request));
    }
}
