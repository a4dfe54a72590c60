package dev.msakit.product.messaging;

import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.platform.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead letters' admin API as product-service serves it (platform-starter-messaging): ADMIN only, under the
 * service's own name, a parked ReleaseStock redriven once (a stuck reservation released by it) and a second redrive
 * refused, a discard that needs a reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class DeadLetterApiTest {

    private static final String API = "/admin/dead-letters/product-service";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anAdminSeesParkedLettersRedrivesOneOnceAndDiscardsWithAReason() throws Exception {
        String order = UUID.randomUUID().toString();
        long release = park("ReleaseStock", order, "{\"orderId\":\"" + order + "\"}", false);
        long reserve = park("ReserveStock", order, "{\"orderId\":\"" + order + "\",\"items\":[]}", true);

        mvc.perform(get(API).header("Authorization", "Bearer " + TOKENS.member(5)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/dead-letters/order-service").header("Authorization", admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "?status=PARKED").header("Authorization", admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.parked['" + StockTopics.COMMANDS + "']").value(2))
                .andExpect(jsonPath("$.deadLetters[?(@.id == " + release + ")].reason").value("lock timeout"));

        mvc.perform(post(API + "/" + release + "/redrive").header("Authorization", admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REDRIVEN"));
        mvc.perform(post(API + "/" + release + "/redrive").header("Authorization", admin()))
                .andExpect(status().isConflict());
        assertThat(TestMessages.outbox(jdbc, StockTopics.COMMANDS)).filteredOn(m -> m.key.equals(order))
                .extracting(m -> m.type).containsExactly("ReleaseStock");

        mvc.perform(post(API + "/" + reserve + "/redrive").header("Authorization", admin()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("compensated")));
        mvc.perform(post(API + "/" + reserve + "/discard").header("Authorization", admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(API + "/" + reserve + "/discard").header("Authorization", admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"order was rejected\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISCARDED"))
                .andExpect(jsonPath("$.resolution").value("order was rejected"));
        mvc.perform(get(API + "/999999").header("Authorization", admin())).andExpect(status().isNotFound());
    }

    private long park(String type, String key, String payload, boolean compensated) {
        return jdbc.queryForObject("INSERT INTO dead_letter (consumer, message_id, topic, partition_no, record_offset,"
                + " message_key, message_type, payload, reason, compensated) VALUES ('product-service', ?, ?, 0, 7, ?,"
                + " ?, ?, ?, ?) RETURNING id", Long.class, UUID.randomUUID(), StockTopics.COMMANDS, key, type, payload,
                compensated ? "unreadable" : "lock timeout", compensated);
    }

    private static String admin() {
        return "Bearer " + TOKENS.admin(1);
    }
}
