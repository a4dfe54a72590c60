package dev.msakit.product.api;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.catalog.CatalogEntry;
import dev.msakit.product.domain.CatalogService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.Size;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog query order-service makes before it accepts an order (a query that needs its answer now, so HTTP,
 * not the broker): which of these products are on sale, at what price. Under /internal, which the gateway never
 * routes, and for service tokens only.
 */
@RestController
@Validated
@PreAuthorize("hasRole('" + Roles.SERVICE + "')")
@RequestMapping("/internal/catalog")
public class CatalogLookupController {

    private final CatalogService catalog;

    public CatalogLookupController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public List<CatalogEntry> lookup(@RequestParam @NotEmpty @Size(max = CatalogEntry.MAX_IDS) List<Long> ids) {
        return catalog.onSale(ids).stream().map(p -> new CatalogEntry(p.getId(), p.getName(), p.getPrice()))
                .collect(Collectors.toList());
    }
}
