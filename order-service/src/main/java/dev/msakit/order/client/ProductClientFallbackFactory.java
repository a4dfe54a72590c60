package dev.msakit.order.client;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.platform.problem.ApiException;
import feign.hystrix.FallbackFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When product-service is down, slow or its circuit is open, there is no honest substitute for "is this product on
 * sale": the fallback fails fast with a 503 naming the service, and no order is written.
 */
@Component
public class ProductClientFallbackFactory implements FallbackFactory<ProductClient> {

    static final String SERVICE = ServiceIds.PRODUCT;
    private static final Logger log = LoggerFactory.getLogger(ProductClientFallbackFactory.class);

    @Override
    public ProductClient create(Throwable cause) {
        return ids -> {
            log.warn("Catalog lookup of {} failed: {}", ids, String.valueOf(cause));
            throw ApiException.serviceUnavailable(SERVICE);
        };
    }
}
