package dev.msakit.order.client;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.reservation.ReservationRequest;
import dev.msakit.contracts.reservation.ReservationResponse;
import dev.msakit.platform.problem.ApiException;
import feign.hystrix.FallbackFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When product-service is down, slow or its circuit is open there is no sensible substitute for a reservation:
 * the fallback fails fast with a 503 naming the service, and the order is failed and its stock released.
 */
@Component
public class ProductClientFallbackFactory implements FallbackFactory<ProductClient> {

    static final String SERVICE = ServiceIds.PRODUCT;
    private static final Logger log = LoggerFactory.getLogger(ProductClientFallbackFactory.class);

    @Override
    public ProductClient create(Throwable cause) {
        return new ProductClient() {
            @Override
            public ReservationResponse reserve(ReservationRequest request) {
                log.warn("Reservation for order {} failed: {}", request.getOrderId(), String.valueOf(cause));
                throw ApiException.serviceUnavailable(SERVICE);
            }

            @Override
            public ReservationResponse release(String orderId) {
                log.warn("Release for order {} failed: {}", orderId, String.valueOf(cause));
                throw ApiException.serviceUnavailable(SERVICE);
            }
        };
    }
}
