package dev.msakit.product.api;

import dev.msakit.platform.resourceserver.PlatformApiAutoConfiguration;
import dev.msakit.platform.web.config.PlatformWebAutoConfiguration;
import dev.msakit.platform.domain.DomainException;
import dev.msakit.platform.resourceserver.ResourceServerSecurityAutoConfiguration;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.product.domain.CatalogService;
import dev.msakit.product.domain.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's HTTP contract in a web slice (no database, no registry: seconds, not a whole service): who may do
 * what, and how mistakes are answered, with the platform's own security and error handling.
 */
@WebMvcTest(ProductController.class)
@ImportAutoConfiguration({PlatformWebAutoConfiguration.class, PlatformApiAutoConfiguration.class,
        ResourceServerSecurityAutoConfiguration.class})
@Import(TestJwtConfiguration.class)
@TestPropertySource(properties = {"spring.application.name=product-service", "ACTUATOR_USER=actuator",
        "ACTUATOR_PASSWORD=slice-secret"})
class ProductControllerSliceTest {

    @Autowired
    private MockMvc mvc;
    @MockBean
    private CatalogService catalog;

    @Test
    void anyoneReadsAProduct() throws Exception {
        Product pen = new Product("Pen", null, new BigDecimal("1.10"), 3);
        ReflectionTestUtils.setField(pen, "id", 7L); // as if saved: the id is the database's
        when(catalog.get(7)).thenReturn(pen);
        mvc.perform(get("/products/7")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.name").value("Pen"));
    }

    @Test
    void headIsGetWithoutTheBodyForAnyoneWhoMayGet() throws Exception {
        Product pen = new Product("Pen", null, new BigDecimal("1.10"), 3);
        ReflectionTestUtils.setField(pen, "id", 7L);
        when(catalog.get(7)).thenReturn(pen);
        int getLength = mvc.perform(get("/products/7")).andReturn().getResponse().getContentAsByteArray().length;
        mvc.perform(head("/products/7")).andExpect(status().isOk())
                .andExpect(header().string("Content-Length", String.valueOf(getLength)))
                .andExpect(content().string(""));
    }

    /** Weak: the same JSON whatever the encoding, so the gateway may gzip it (CompleteResponseFilter). */
    @Test
    void aProductReadCarriesAWeakEtagAndIfNoneMatchGives304() throws Exception {
        Product pen = new Product("Pen", null, new BigDecimal("1.10"), 3);
        ReflectionTestUtils.setField(pen, "id", 7L);
        when(catalog.get(7)).thenReturn(pen);
        String etag = mvc.perform(get("/products/7")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).matches("W/\"[0-9a-f]+\"");
        mvc.perform(get("/products/7").header("If-None-Match", etag))
                .andExpect(status().isNotModified()).andExpect(content().string(""));
        ReflectionTestUtils.setField(pen, "stock", 2);
        mvc.perform(get("/products/7").header("If-None-Match", etag)).andExpect(status().isOk());
    }

    @Test
    void aMissingProductIsA404Problem() throws Exception {
        when(catalog.get(9)).thenThrow(DomainException.notFound("No product with id 9"));
        mvc.perform(get("/products/9")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("No product with id 9"));
    }

    @Test
    void behindTheGatewayLinksAndProblemsCarryItsPrefix() throws Exception {
        Product pen = new Product("Pen", null, new BigDecimal("1.10"), 3);
        ReflectionTestUtils.setField(pen, "id", 8L);
        when(catalog.create(any(), any(), any(), any(Integer.class))).thenReturn(pen);
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Pen\",\"price\":1.10,\"stock\":3}")
                        .header("Authorization", "Bearer " + TOKENS.admin(1)).header("X-Forwarded-Prefix", "/api"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/products/8"));
        when(catalog.get(9)).thenThrow(DomainException.notFound("No product with id 9"));
        mvc.perform(get("/products/9").header("X-Forwarded-Prefix", "/api"))
                .andExpect(jsonPath("$.instance").value("/api/products/9"));
        // Called directly, the service's own paths; a prefix that is not a path is ignored.
        mvc.perform(get("/products/9").header("X-Forwarded-Prefix", "//evil.example"))
                .andExpect(jsonPath("$.instance").value("/products/9"));
    }

    @Test
    void anUnsupportedMethodIsA405ThatSaysWhichAreAllowed() throws Exception {
        mvc.perform(patch("/products/7").header("Authorization", "Bearer " + TOKENS.admin(1))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Allow", allOf(containsString("GET"), containsString("PUT"),
                        containsString("DELETE"))));
    }

    @Test
    void aRepresentationNobodyOffersIsA406NotA500() throws Exception {
        Product pen = new Product("Pen", null, new BigDecimal("1.10"), 3);
        ReflectionTestUtils.setField(pen, "id", 7L);
        when(catalog.get(7)).thenReturn(pen);
        mvc.perform(get("/products/7").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("application/json")));
    }

    @Test
    void a401SaysWhetherTheTokenWasMissingOrRefused() throws Exception {
        String product = "{\"name\":\"Pen\",\"price\":1.10,\"stock\":3}";
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON).content(product))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"msa-kit\""));
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON).content(product)
                        .header("Authorization", "Bearer " + TOKENS.expired(1)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")));
    }

    @Test
    void onlyAnAdminCreatesProducts() throws Exception {
        String product = "{\"name\":\"Pen\",\"price\":1.10,\"stock\":3}";
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON).content(product))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON).content(product)
                        .header("Authorization", "Bearer " + TOKENS.member(1)))
                .andExpect(status().isForbidden());
        verify(catalog, never()).create(any(), any(), any(), any(Integer.class));
    }

    @Test
    void badInputNamesTheFieldsAndTouchesNothing() throws Exception {
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"price\":-1,\"stock\":\"3\"}")
                        .header("Authorization", "Bearer " + TOKENS.admin(1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("stock")));
        mvc.perform(get("/products?size=500")).andExpect(status().isBadRequest());
        verify(catalog, never()).create(any(), any(), any(), any(Integer.class));
    }
}
