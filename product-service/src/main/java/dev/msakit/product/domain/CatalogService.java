package dev.msakit.product.domain;

import dev.msakit.platform.domain.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

@Service
public class CatalogService {

    private final ProductRepository products;

    public CatalogService(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public Page<Product> list(int page, int size) {
        return products.findByActiveTrue(PageRequest.of(page, size, Sort.by("id")));
    }

    @Transactional(readOnly = true)
    public Product get(long id) {
        return products.findByIdAndActiveTrue(id).orElseThrow(() -> notFound(id));
    }

    /** The products among these ids that are on sale. */
    @Transactional(readOnly = true)
    public List<Product> onSale(Collection<Long> ids) {
        return products.onSaleAmong(ids);
    }

    @Transactional
    public Product create(String name, String description, BigDecimal price, int stock) {
        return products.saveAndFlush(new Product(name.trim(), description, price, stock));
    }

    /** Under the product's lock: a sale committing meanwhile is neither overwritten nor left out of the delta. */
    @Transactional
    public Product update(long id, String name, String description, BigDecimal price, int stock) {
        Product product = products.lockOnSale(id).orElseThrow(() -> notFound(id));
        product.update(name.trim(), description, price, stock);
        return product;
    }

    @Transactional
    public void delete(long id) {
        Product product = products.lockOnSale(id).orElseThrow(() -> notFound(id));
        product.deactivate();
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("No product with id " + id);
    }
}
