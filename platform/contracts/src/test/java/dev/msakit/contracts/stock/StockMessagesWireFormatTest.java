package dev.msakit.contracts.stock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides compile against these types, but during a rolling deploy an old order-service talks to a new
 * product-service, and messages wait in the broker across versions: the JSON is the contract, pinned field by field.
 */
class StockMessagesWireFormatTest {

    private static final String ORDER = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reserveStock() throws Exception {
        String wire = json.writeValueAsString(new ReserveStock(ORDER, List.of(new ReserveStock.Item(7, 2))));
        assertThat(json.readTree(wire)).isEqualTo(json.readTree(
                "{\"orderId\":\"" + ORDER + "\",\"items\":[{\"productId\":7,\"quantity\":2}]}"));
        assertThat(json.readValue(wire, ReserveStock.class).getItems().get(0).getQuantity()).isEqualTo(2);
    }

    @Test
    void stockReserved() throws Exception {
        String wire = "{\"orderId\":\"" + ORDER + "\",\"lines\":"
                + "[{\"productId\":7,\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]}";
        StockReserved read = json.readValue(wire, StockReserved.class);
        assertThat(read.getLines().get(0).getUnitPrice()).isEqualByComparingTo(new BigDecimal("1.10"));
        assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(wire));
    }

    @Test
    void stockRejectedAndReleaseStock() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(new StockRejected(ORDER, "Not enough stock of product 7"))))
                .isEqualTo(json.readTree("{\"orderId\":\"" + ORDER + "\",\"reason\":\"Not enough stock of product 7\"}"));
        assertThat(json.readTree(json.writeValueAsString(new ReleaseStock(ORDER))))
                .isEqualTo(json.readTree("{\"orderId\":\"" + ORDER + "\"}"));
    }

    @Test
    void messageTypesAreTheClassNamesBothSidesRouteBy() {
        // The outbox names a message by its payload's simple class name; renaming a class changes the wire.
        assertThat(List.of(ReserveStock.class, ReleaseStock.class, StockReserved.class, StockRejected.class))
                .extracting(Class::getSimpleName)
                .containsExactly("ReserveStock", "ReleaseStock", "StockReserved", "StockRejected");
    }
}
