package dev.msakit.legacy.catalog;

import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.api.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.http.HttpServletRequest;
import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;

/** The catalog's public API, answer for answer as product-service gives it. */
@RestController
@RequestMapping("/products")
@Validated
public class CatalogController {

    private static final CacheControl REVALIDATE = CacheControl.noCache();

    private final Catalog catalog;

    public CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public ResponseEntity<PageResponse<ProductView>> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageImpl<Product> found = new PageImpl<>(catalog.page(page, size), PageRequest.of(page, size),
                catalog.count());
        return ResponseEntity.ok().cacheControl(REVALIDATE).body(PageResponse.of(found, ProductView::of));
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProductView> get(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(REVALIDATE).body(ProductView.of(catalog.get(id)));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductView> create(@Valid @RequestBody ProductForm form, HttpServletRequest http) {
        Product product = catalog.create(form);
        return ResponseEntity.created(GatewayPaths.location(http, "/products/" + product.getId()))
                .body(ProductView.of(product));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ProductView replace(@PathVariable long id, @Valid @RequestBody ProductForm form) {
        return ProductView.of(catalog.replace(id, form));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }
}
