package dev.msakit.platform.validation;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import javax.validation.ConstraintViolationException;
import javax.validation.Validator;
import javax.validation.constraints.Min;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MethodValidationAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MethodValidationAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    @Test
    void validatedComponentsStillRefuseBadArguments() {
        context.run(ctx -> {
            Pages pages = ctx.getBean(Pages.class);
            assertThat(AopUtils.isAopProxy(pages)).isTrue();
            assertThat(pages.page(2)).isEqualTo(2);
            assertThatThrownBy(() -> pages.page(-1)).isInstanceOf(ConstraintViolationException.class);
        });
    }

    @Test
    void settingsAreValidatedWhenBoundButTheirGettersAreNotProxied() {
        context.withPropertyValues("sample.limit=5").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            SampleSettings settings = ctx.getBean(SampleSettings.class);
            assertThat(AopUtils.isAopProxy(settings)).as("no interceptor around each getter").isFalse();
            assertThat(settings.getLimit()).isEqualTo(5);
        });
        context.withPropertyValues("sample.limit=0").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().hasStackTraceContaining("limit"));
    }

    @Test
    void theValidatorIsLookedUpOnceNotOnEveryCall() {
        AtomicInteger lookups = new AtomicInteger();
        Validator real = javax.validation.Validation.buildDefaultValidatorFactory().getValidator();
        ValidatorResolvedOnce validator = new ValidatorResolvedOnce(() -> {
            lookups.incrementAndGet();
            return real;
        });
        assertThat(lookups).as("not created with the post-processor").hasValue(0);
        for (int i = 0; i < 100; i++) {
            validator.forExecutables();
        }
        assertThat(lookups).hasValue(1);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SampleSettings.class)
    static class Beans {

        @Bean
        Pages pages() {
            return new Pages();
        }
    }

    @Validated
    public static class Pages {

        public int page(@Min(0) int number) {
            return number;
        }
    }

    @Validated
    @ConfigurationProperties("sample")
    public static class SampleSettings {

        @Min(1)
        private int limit = 1;

        public int getLimit() {
            return limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }
    }
}
