package dev.msakit.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Eureka's JSON for one application, as /eureka/apps/APP answers it. */
class RegistryViewTest {

    @Test
    void anInstanceCountsOnceUpOnItsPortWhetherListedAloneOrAmongOthers() {
        String two = "{\"application\":{\"name\":\"PRODUCT-SERVICE\",\"instance\":["
                + "{\"instanceId\":\"product-service:localhost:8082\",\"status\":\"UP\"},"
                + "{\"instanceId\":\"product-service:localhost:8182\",\"status\":\"STARTING\"}]}}";
        assertThat(RegistryView.up(Json.parse(two), 8082)).isTrue();
        assertThat(RegistryView.up(Json.parse(two), 8182)).as("not UP yet").isFalse();
        assertThat(RegistryView.up(Json.parse(two), 82)).as("a port is the id's end, whole").isFalse();

        String one = "{\"application\":{\"name\":\"ORDER-SERVICE\",\"instance\":"
                + "{\"instanceId\":\"order-service:localhost:8083\",\"status\":\"UP\"}}}";
        assertThat(RegistryView.up(Json.parse(one), 8083)).isTrue();
        assertThat(RegistryView.up(Json.parse("{\"application\":{\"name\":\"X\"}}"), 8083)).isFalse();
    }
}
