package dev.msakit.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsOnlyProxyFilterTest {

    @Test
    void hystrixAndTurbineStreamsPass() {
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8989/turbine.stream")).isTrue();
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8082/actuator/hystrix.stream")).isTrue();
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8989/turbine.stream?cluster=default")).isTrue();
    }

    @Test
    void anythingElseOnTheSameHostsDoesNot() {
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8082/v3/api-docs")).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8082/actuator/env")).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8082/actuator/env?x=.stream")).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream("http://localhost:8082/x/../actuator/hystrix.stream")).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream("file:///etc/hystrix.stream")).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream(null)).isFalse();
        assertThat(StreamsOnlyProxyFilter.isStream("not a url")).isFalse();
    }
}
