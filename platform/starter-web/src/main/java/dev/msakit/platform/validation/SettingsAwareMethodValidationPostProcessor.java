package dev.msakit.platform.validation;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Leaves {@code @ConfigurationProperties} beans unproxied: their {@code @Validated} asks for validation when they are
 * bound (Spring Boot does that), not around every getter call.
 */
class SettingsAwareMethodValidationPostProcessor extends MethodValidationPostProcessor {

    @Override
    protected boolean isEligible(Object bean, String beanName) {
        if (AnnotatedElementUtils.hasAnnotation(AopUtils.getTargetClass(bean), ConfigurationProperties.class)) {
            return false;
        }
        return super.isEligible(bean, beanName);
    }
}
