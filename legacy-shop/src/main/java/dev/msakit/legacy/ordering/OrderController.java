package dev.msakit.legacy.ordering;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.OrderRequests;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.api.PageResponse;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.http.HttpServletRequest;
import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;

/**
 * Ordering's public API as order-service has it. Orders end at once here (201 CONFIRMED or REJECTED), which a client
 * of the new API also gets when it sends Prefer: wait. Idempotency-Key means what it means there, across both sides.
 */
@RestController
@RequestMapping("/orders")
@Validated
public class OrderController {

    private final OrderDesk desk;

    public OrderController(OrderDesk desk) {
        this.desk = desk;
    }

    /** 201 with the order as it ended; with an Idempotency-Key used before, the same order again (replayed). */
    @PostMapping
    public ResponseEntity<OrderView> place(@Valid @RequestBody OrderForm form,
                                           @RequestHeader(value = OrderRequests.IDEMPOTENCY_KEY, required = false)
                                                   String key,
                                           @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        if (!OrderRequests.isValidKey(key)) {
            throw ApiException.badRequest(OrderRequests.invalidKeyMessage());
        }
        OrderDesk.Placement placement = desk.place(AccessTokens.memberId(jwt), form.getItems(), key);
        ResponseEntity.BodyBuilder response = ResponseEntity.created(GatewayPaths.location(http, "/orders/"
                + placement.order.getOrderId()));
        if (placement.replayed) {
            response.header(OrderRequests.IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(OrderView.of(placement.order));
    }

    @GetMapping
    public PageResponse<OrderView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                        @AuthenticationPrincipal Jwt jwt) {
        long member = AccessTokens.memberId(jwt);
        return PageResponse.of(new PageImpl<>(desk.list(member, page, size), PageRequest.of(page, size),
                desk.count(member)), OrderView::of);
    }

    @GetMapping("/{id}")
    public OrderView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return OrderView.of(desk.get(AccessTokens.memberId(jwt), validId(id)));
    }

    /** 200 when cancelled here; 202 when order-service holds the order and was asked to cancel it. */
    @PostMapping("/{id}/cancel")
    public ResponseEntity<OrderView> cancel(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        OrderDesk.Cancellation cancellation = desk.cancel(AccessTokens.memberId(jwt), validId(id));
        return ResponseEntity.status(cancellation.done ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(OrderView.of(cancellation.order));
    }

    private static String validId(String id) {
        if (!OrderIds.isValid(id)) {
            throw ApiException.badRequest("Order id must be a UUID");
        }
        return OrderIds.normalize(id);
    }
}
