package dev.msakit.order.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.OrderRequests;
import dev.msakit.order.domain.OrderLine;
import dev.msakit.order.domain.OrderService;
import dev.msakit.order.domain.OrderStatus;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.order.saga.OrderOutcomes;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.api.PageResponse;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The authenticated member's own orders; the member id always comes from the verified token. */
@RestController
@RequestMapping("/orders")
@Validated
public class OrderController {

    private final OrderService orders;
    private final OrderOutcomes outcomes;
    private final Duration maxWait;

    public OrderController(OrderService orders, OrderOutcomes outcomes,
                           @Value("${order.max-wait:10s}") Duration maxWait) {
        this.orders = orders;
        this.outcomes = outcomes;
        this.maxWait = maxWait;
    }

    /**
     * Accepts the order: 202 with the PENDING order and its Location, or, with {@code Prefer: wait=N} and a saga that
     * ends within N seconds (at most order.max-wait), 201 with its final state. The same Idempotency-Key again
     * answers with the same order (header Idempotent-Replayed), whatever happened to the first response.
     */
    @Operation(summary = "Place an order (its stock is reserved over the broker)", responses = {
            @ApiResponse(responseCode = "202", description = "Accepted, PENDING; Location names it"),
            @ApiResponse(responseCode = "201", description = "With Prefer: wait=N, ended within N s: its final state"),
            @ApiResponse(responseCode = "422", description = "A product is not on sale")})
    @PostMapping
    public ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
                                               @RequestHeader(value = OrderRequests.IDEMPOTENCY_KEY, required = false)
                                                       String key,
                                               @RequestHeader(value = "Prefer", required = false) List<String> prefer,
                                               @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        if (!OrderRequests.isValidKey(key)) {
            throw ApiException.badRequest(OrderRequests.invalidKeyMessage());
        }
        List<OrderLine> lines = request.getItems().stream()
                .map(i -> new OrderLine(i.getProductId(), i.getQuantity()))
                .collect(Collectors.toList());
        OrderService.Placement placement = orders.place(AccessTokens.memberId(jwt), lines, key);
        PurchaseOrder order = placement.getOrder();
        Optional<Duration> wait = PreferWait.parse(prefer, maxWait);
        if (wait.isPresent()) {
            order = outcomes.await(order, wait.get());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity
                .status(order.getStatus().isFinal() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(GatewayPaths.location(http, "/orders/" + order.getId()));
        wait.ifPresent(applied -> response.header("Preference-Applied", "wait=" + applied.toSeconds()));
        if (placement.isReplayed()) {
            response.header(OrderRequests.IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(OrderResponse.of(order));
    }

    @Operation(summary = "List your orders, newest first")
    @GetMapping
    public PageResponse<OrderResponse> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                            @AuthenticationPrincipal Jwt jwt) {
        return PageResponse.of(orders.list(AccessTokens.memberId(jwt), page, size), OrderResponse::of);
    }

    @Operation(summary = "Read one of your orders")
    @GetMapping("/{id}")
    public OrderResponse get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return OrderResponse.of(orders.get(AccessTokens.memberId(jwt), validId(id)));
    }

    /**
     * 200 with the cancelled order; 202 with the order as it is when the legacy shop holds it (placed there before
     * ordering moved) and was asked to cancel it: the copy here changes when the shop answers. 409 for a rejected
     * order, whichever side holds it.
     */
    @Operation(summary = "Cancel one of your orders", responses = {
            @ApiResponse(responseCode = "200", description = "Cancelled"),
            @ApiResponse(responseCode = "202", description = "The legacy shop holds it and was asked to cancel it"),
            @ApiResponse(responseCode = "409", description = "The order was rejected: nothing to cancel")})
    @PostMapping("/{id}/cancel")
    public ResponseEntity<OrderResponse> cancel(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        PurchaseOrder order = orders.cancel(AccessTokens.memberId(jwt), validId(id));
        boolean done = order.isHeldHere() || order.getStatus() == OrderStatus.CANCELLED;
        return ResponseEntity.status(done ? HttpStatus.OK : HttpStatus.ACCEPTED).body(OrderResponse.of(order));
    }

    private static String validId(String id) {
        if (!OrderIds.isValid(id)) {
            throw ApiException.badRequest("Order id must be a UUID");
        }
        return OrderIds.normalize(id);
    }
}
