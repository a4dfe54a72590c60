package dev.msakit.order.client;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.catalog.CatalogEntry;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * product-service's internal catalog query, balanced by Ribbon over its Eureka instances and guarded by Hystrix.
 * Calls carry order-service's own SERVICE token, never the member's. (Stock is reserved over the broker, not here.)
 */
@FeignClient(name = ServiceIds.PRODUCT, contextId = "productClient",
        configuration = ServiceTokenFeignConfiguration.class, fallbackFactory = ProductClientFallbackFactory.class)
public interface ProductClient {

    /** The products among these ids that are on sale, with their current price. */
    @GetMapping("/internal/catalog")
    List<CatalogEntry> lookup(@RequestParam("ids") List<Long> ids);
}
