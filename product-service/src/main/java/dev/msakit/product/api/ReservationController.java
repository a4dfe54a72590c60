package dev.msakit.product.api;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.Roles;
import dev.msakit.contracts.reservation.ReservationRequest;
import dev.msakit.contracts.reservation.ReservationResponse;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.product.domain.ItemRequest;
import dev.msakit.product.domain.Reservation;
import dev.msakit.product.domain.StockReservationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stock reservation for order-service, in the shared contract's types (platform-contracts). Under /internal, which
 * the gateway never routes, and only for service tokens (role SERVICE): a member's token, even a valid one, cannot
 * take stock directly. Both calls are idempotent per order id, so callers may retry them on another instance.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.SERVICE + "')")
@RequestMapping("/internal/reservations")
public class ReservationController {

    private final StockReservationService reservations;

    public ReservationController(StockReservationService reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    public ReservationResponse reserve(@Valid @RequestBody ReservationRequest request) {
        List<ItemRequest> items = request.getItems().stream()
                .map(i -> new ItemRequest(i.getProductId(), i.getQuantity()))
                .collect(Collectors.toList());
        long distinct = items.stream().map(ItemRequest::getProductId).distinct().count();
        if (distinct != items.size()) {
            throw ApiException.badRequest("Each product may appear only once per order");
        }
        return response(reservations.reserve(OrderIds.normalize(request.getOrderId()), items));
    }

    @PostMapping("/{orderId}/release")
    public ReservationResponse release(@PathVariable String orderId) {
        if (!OrderIds.isValid(orderId)) {
            throw ApiException.badRequest("orderId must be a UUID");
        }
        return response(reservations.release(OrderIds.normalize(orderId)));
    }

    private static ReservationResponse response(Reservation reservation) {
        return new ReservationResponse(reservation.getOrderId(), reservation.getStatus().name(),
                reservation.getLines().stream().map(line -> new ReservationResponse.Line(line.getProductId(),
                        line.getProductName(), line.getUnitPrice(), line.getQuantity())).collect(Collectors.toList()));
    }
}
