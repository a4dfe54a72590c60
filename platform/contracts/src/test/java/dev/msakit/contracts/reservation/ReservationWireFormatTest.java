package dev.msakit.contracts.reservation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides compile against these types, but during a rolling deploy an old order-service talks to a new
 * product-service: the JSON on the wire is the contract, pinned here field by field.
 */
class ReservationWireFormatTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRequestOnTheWire() throws Exception {
        String wire = json.writeValueAsString(new ReservationRequest("3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                List.of(new ReservationRequest.Item(7, 2))));
        assertThat(json.readTree(wire)).isEqualTo(json.readTree(
                "{\"orderId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"items\":[{\"productId\":7,\"quantity\":2}]}"));
        ReservationRequest read = json.readValue(wire, ReservationRequest.class);
        assertThat(read.getItems().get(0).getQuantity()).isEqualTo(2);
    }

    @Test
    void theResponseOnTheWire() throws Exception {
        String wire = "{\"orderId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"status\":\"RESERVED\",\"lines\":"
                + "[{\"productId\":7,\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]}";
        ReservationResponse read = json.readValue(wire, ReservationResponse.class);
        assertThat(read.getStatus()).isEqualTo(ReservationResponse.RESERVED);
        assertThat(read.getLines().get(0).getUnitPrice()).isEqualByComparingTo(new BigDecimal("1.10"));
        assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(wire));
    }
}
