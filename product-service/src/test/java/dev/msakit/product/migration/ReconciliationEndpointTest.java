package dev.msakit.product.migration;

import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.product.domain.CatalogService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog as reconciliation reads it (SERVICE tokens only): checksums per bucket of 1,000 ids, then a bucket's
 * rows in the canonical form the legacy shop writes alike (LegacyShopTest asserts the same text).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class ReconciliationEndpointTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CatalogService catalog;

    @Test
    void theCatalogIsReadInBucketsAndCanonicalRows() throws Exception {
        long id = catalog.create("Canon pen", "described, but not compared", new BigDecimal("1.1"), 10).getId();
        String bucket = Long.toString(id / 1000);

        mvc.perform(get("/internal/reconciliation/catalog").header("Authorization", "Bearer "
                        + TOKENS.service("release-control")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dataset").value("catalog"))
                .andExpect(jsonPath("$.buckets[*].bucket", hasItem(bucket)))
                .andExpect(jsonPath("$.outboxLagSeconds").isNumber());
        mvc.perform(get("/internal/reconciliation/catalog/rows?bucket=" + bucket).header("Authorization",
                        "Bearer " + TOKENS.service("release-control")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].row").value("Canon pen|1.10|10|true"));
        mvc.perform(get("/internal/reconciliation/catalog").header("Authorization", "Bearer " + TOKENS.admin(1)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/reconciliation/ordering").header("Authorization", "Bearer "
                + TOKENS.service("release-control"))).andExpect(status().isNotFound());
    }
}
