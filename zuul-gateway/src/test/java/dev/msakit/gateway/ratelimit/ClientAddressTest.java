package dev.msakit.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void oneTrustedProxyMeansTheRightmostEntry() {
        assertThat(address(1, "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(address(1, "6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(address(1, "6.6.6.6", "203.0.113.7")).as("several header lines are one list").isEqualTo("203.0.113.7");
    }

    @Test
    void twoTrustedProxiesSkipTheAddressTheInnerOneAppended() {
        // client 203.0.113.7 -> CDN (appends it) -> ingress (appends the CDN's 10.1.1.1) -> gateway
        assertThat(address(2, "6.6.6.6, 203.0.113.7, 10.1.1.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void fewerEntriesThanProxiesFallBackToThePeer() {
        assertThat(address(2, "203.0.113.7")).isEqualTo("10.9.9.9");
        assertThat(address(1)).isEqualTo("10.9.9.9");
        assertThat(address(1, " , ")).isEqualTo("10.9.9.9");
    }

    private static String address(int hops, String... headers) {
        return Callers.clientAddress(Collections.enumeration(List.of(headers)), "10.9.9.9", hops);
    }
}
