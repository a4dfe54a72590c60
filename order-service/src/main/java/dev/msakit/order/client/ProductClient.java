package dev.msakit.order.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * product-service's internal stock API, balanced by Ribbon over its Eureka instances and guarded by Hystrix.
 * Calls carry order-service's own SERVICE token, never the member's.
 */
@FeignClient(name = "product-service", contextId = "productClient",
        configuration = ServiceTokenFeignConfiguration.class, fallbackFactory = ProductClientFallbackFactory.class)
public interface ProductClient {

    @PostMapping("/internal/reservations")
    ReservationResult reserve(@RequestBody ReservationCommand command);

    @PostMapping("/internal/reservations/{orderId}/release")
    ReservationResult release(@PathVariable("orderId") String orderId);
}
