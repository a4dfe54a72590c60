package dev.msakit.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class ProductApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @Test
    void adminCreatesProductWithExactPriceAndAnyoneReadsIt() throws Exception {
        long id = create("{\"name\":\"Keyboard\",\"price\":19.99,\"stock\":7}");
        mvc.perform(get("/products/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"price\":19.99")))
                .andExpect(jsonPath("$.stock").value(7));
        mvc.perform(get("/products?size=100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + id + ")].name").value("Keyboard"));
    }

    @Test
    void onlyAdminsChangeTheCatalog() throws Exception {
        String body = "{\"name\":\"Mouse\",\"price\":5,\"stock\":1}";
        mvc.perform(post("/products").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/products").header("Authorization", "Bearer " + TOKENS.member(3))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void rejectsInvalidProductsWithReasons() throws Exception {
        mvc.perform(post("/products").header("Authorization", "Bearer " + TOKENS.admin(1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"price\":-1.001,\"stock\":-5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.detail", containsString("stock")));
        mvc.perform(post("/products").header("Authorization", "Bearer " + TOKENS.admin(1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"price\":\"cheap\",\"stock\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Field 'price' has the wrong type or format"));
    }

    @Test
    void rejectsOutOfRangePagingAndBadIds() throws Exception {
        mvc.perform(get("/products?size=500")).andExpect(status().isBadRequest());
        mvc.perform(get("/products/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'id' has an invalid value"));
        mvc.perform(get("/products/987654")).andExpect(status().isNotFound());
    }

    @Test
    void deletedProductDisappears() throws Exception {
        long id = create("{\"name\":\"Old\",\"price\":1.50,\"stock\":1}");
        mvc.perform(delete("/products/" + id).header("Authorization", "Bearer " + TOKENS.admin(1)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/products/" + id)).andExpect(status().isNotFound());
    }

    private long create(String body) throws Exception {
        String response = mvc.perform(post("/products").header("Authorization", "Bearer " + TOKENS.admin(1))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asLong();
    }
}
