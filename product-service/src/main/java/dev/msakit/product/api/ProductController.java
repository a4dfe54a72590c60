package dev.msakit.product.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.msakit.product.domain.CatalogService;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.api.PageResponse;
import dev.msakit.product.domain.Product;
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

@RestController
@RequestMapping("/products")
@Validated
public class ProductController {

    private final CatalogService catalog;

    public ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Catalog reads may be stored but must be revalidated (no-cache instead of the security default no-store): the
     * response then carries a strong ETag, and If-None-Match with it answers 304 without a body.
     */
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    @Operation(summary = "List the catalog, a page at a time")
    @GetMapping
    public ResponseEntity<PageResponse<ProductResponse>> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ResponseEntity.ok().cacheControl(REVALIDATE)
                .body(PageResponse.of(catalog.list(page, size), ProductResponse::of));
    }

    @Operation(summary = "Read one product (strong ETag: If-None-Match answers 304)")
    @GetMapping("/{id}")
    public ResponseEntity<ProductResponse> get(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(REVALIDATE).body(ProductResponse.of(catalog.get(id)));
    }

    @Operation(summary = "Add a product (ADMIN)", responses = @ApiResponse(responseCode = "201",
            description = "Created; Location names it"))
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequest request,
                                                  HttpServletRequest http) {
        Product product = catalog.create(request.getName(), request.getDescription(), request.getPrice(),
                request.getStock());
        return ResponseEntity.created(GatewayPaths.location(http, "/products/" + product.getId()))
                .body(ProductResponse.of(product));
    }

    @Operation(summary = "Change a product (ADMIN)")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ProductResponse update(@PathVariable long id, @Valid @RequestBody ProductRequest request) {
        return ProductResponse.of(catalog.update(id, request.getName(), request.getDescription(), request.getPrice(),
                request.getStock()));
    }

    @Operation(summary = "Take a product off the catalog (ADMIN)", responses = @ApiResponse(responseCode = "204",
            description = "Deleted"))
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }
}
