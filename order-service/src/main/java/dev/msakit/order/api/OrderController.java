package dev.msakit.order.api;

import dev.msakit.contracts.OrderIds;
import dev.msakit.order.domain.OrderLine;
import dev.msakit.order.domain.OrderService;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.api.PageResponse;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** The authenticated member's own orders; the member id always comes from the verified token. */
@RestController
@RequestMapping("/orders")
@Validated
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping
    public ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
                                               @AuthenticationPrincipal Jwt jwt) {
        List<OrderLine> lines = request.getItems().stream()
                .map(i -> new OrderLine(i.getProductId(), i.getQuantity()))
                .collect(Collectors.toList());
        PurchaseOrder order = orders.place(AccessTokens.memberId(jwt), lines);
        return ResponseEntity.created(URI.create("/orders/" + order.getId())).body(OrderResponse.of(order));
    }

    @GetMapping
    public PageResponse<OrderResponse> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                            @AuthenticationPrincipal Jwt jwt) {
        return PageResponse.of(orders.list(AccessTokens.memberId(jwt), page, size), OrderResponse::of);
    }

    @GetMapping("/{id}")
    public OrderResponse get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return OrderResponse.of(orders.get(AccessTokens.memberId(jwt), validId(id)));
    }

    @PostMapping("/{id}/cancel")
    public OrderResponse cancel(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return OrderResponse.of(orders.cancel(AccessTokens.memberId(jwt), validId(id)));
    }

    private static String validId(String id) {
        if (!OrderIds.isValid(id)) {
            throw ApiException.badRequest("Order id must be a UUID");
        }
        return OrderIds.normalize(id);
    }
}
