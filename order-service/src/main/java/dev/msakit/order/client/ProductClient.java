package dev.msakit.order.client;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.reservation.ReservationRequest;
import dev.msakit.contracts.reservation.ReservationResponse;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * product-service's internal stock API, balanced by Ribbon over its Eureka instances and guarded by Hystrix.
 * Calls carry order-service's own SERVICE token, never the member's.
 */
@FeignClient(name = ServiceIds.PRODUCT, contextId = "productClient",
        configuration = ServiceTokenFeignConfiguration.class, fallbackFactory = ProductClientFallbackFactory.class)
public interface ProductClient {

    @PostMapping("/internal/reservations")
    ReservationResponse reserve(@RequestBody ReservationRequest request);

    @PostMapping("/internal/reservations/{orderId}/release")
    ReservationResponse release(@PathVariable("orderId") String orderId);
}
