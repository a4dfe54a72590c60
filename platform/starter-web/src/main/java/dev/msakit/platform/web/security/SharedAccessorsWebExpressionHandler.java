package dev.msakit.platform.web.security;

import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.DefaultWebSecurityExpressionHandler;

import java.util.List;

/**
 * Spring Security's expression handler for {@code authorizeRequests()} rules ({@code permitAll},
 * {@code authenticated}, {@code hasRole(...)}), whose evaluation contexts share one property accessor.
 * <p>
 * The default handler makes a new evaluation context for every request (spring-security#5622), and with it a new
 * {@link ReflectivePropertyAccessor} whose caches start empty: each request then looked up {@code permitAll} or
 * {@code authenticated} on the expression root by reflection again (the root class's methods and fields copied and
 * sorted), a few per cent of a by-id read's CPU in product-service. The accessor's caches are concurrent maps keyed
 * by class and name, so one accessor serves every request.
 */
public class SharedAccessorsWebExpressionHandler extends DefaultWebSecurityExpressionHandler {

    private final List<PropertyAccessor> propertyAccessors = List.of(new ReflectivePropertyAccessor());

    @Override
    protected StandardEvaluationContext createEvaluationContextInternal(Authentication authentication,
                                                                        FilterInvocation invocation) {
        StandardEvaluationContext context = super.createEvaluationContextInternal(authentication, invocation);
        context.setPropertyAccessors(propertyAccessors);
        return context;
    }
}
