package dev.msakit.platform.web.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.trace.http.HttpTraceAutoConfiguration;
import org.springframework.boot.actuate.trace.http.HttpTraceRepository;
import org.springframework.boot.actuate.web.trace.servlet.HttpTraceFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin's HTTP traces are recorded only when asked for (HTTP_TRACES=true): they cost every request. */
class HttpTracesTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withInitializer(context -> {
                // As SpringApplication prepares a context: the kit's defaults, Boot's conversions (DataSize).
                new PlatformDefaultsEnvironmentPostProcessor()
                        .postProcessEnvironment(context.getEnvironment(), new SpringApplication());
                context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            })
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class, HttpTraceAutoConfiguration.class));

    @Test
    void noRecordingByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HttpTraceRepository.class);
            assertThat(context).doesNotHaveBean(HttpTraceFilter.class);
        });
    }

    @Test
    void recordedWhenAskedFor() {
        runner.withSystemProperties("HTTP_TRACES=true").run(context -> {
            assertThat(context).hasSingleBean(HttpTraceRepository.class);
            assertThat(context).hasSingleBean(HttpTraceFilter.class);
        });
    }
}
