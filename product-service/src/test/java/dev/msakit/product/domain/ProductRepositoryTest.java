package dev.msakit.product.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The stock statements on PostgreSQL itself (the test profile's throwaway server), with Flyway's schema. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class ProductRepositoryTest {

    @Autowired
    private ProductRepository products;

    @Test
    void takesStockOnlyWhileEnoughIsLeft() {
        long id = products.save(new Product("Pen", null, new BigDecimal("1.10"), 3)).getId();

        assertThat(products.takeStock(id, 2)).isEqualTo(1);
        assertThat(products.takeStock(id, 2)).as("one left, two asked").isZero();
        assertThat(products.findById(id)).get().extracting(Product::getStock).isEqualTo(1);
        assertThat(products.returnStock(id, 2)).isEqualTo(1);
        assertThat(products.findById(id)).get().extracting(Product::getStock).isEqualTo(3);
    }

    @Test
    void aRemovedProductIsNeitherListedNorSold() {
        Product pen = products.save(new Product("Pen", null, BigDecimal.ONE, 5));
        pen.deactivate();
        products.saveAndFlush(pen);

        assertThat(products.findByIdAndActiveTrue(pen.getId())).isEmpty();
        assertThat(products.takeStock(pen.getId(), 1)).isZero();
    }
}
