package dev.msakit.product.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reserves the items of one order all-or-nothing and releases them at most once. It runs in its caller's
 * transaction (the stock command's handler), so the stock taken, the reservation, the reply in the outbox and the
 * message's inbox entry commit together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class StockReservationService {

    private final ProductRepository products;
    private final ReservationRepository reservations;

    public StockReservationService(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    /**
     * The same order asked again gets the same answer; an order already released (cancelled or timed out before its
     * reservation arrived) is refused, so stock released once is never taken again.
     */
    public ReservationOutcome reserve(String orderId, List<ItemRequest> items) {
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isPresent()) {
            return existing.get().getStatus() == Reservation.Status.RESERVED
                    ? ReservationOutcome.reserved(existing.get())
                    : ReservationOutcome.rejected("Order " + orderId + " was cancelled before its stock was reserved");
        }
        if (items.stream().map(ItemRequest::getProductId).distinct().count() != items.size()) {
            return ReservationOutcome.rejected("Each product may appear only once per order");
        }
        // A fixed lock order (by product id) keeps two orders for the same products from deadlocking.
        List<ItemRequest> sorted = items.stream().sorted(Comparator.comparingLong(ItemRequest::getProductId))
                .collect(Collectors.toList());
        Reservation reservation = new Reservation(orderId, Reservation.Status.RESERVED);
        List<ItemRequest> taken = new ArrayList<>();
        for (ItemRequest item : sorted) {
            if (products.takeStock(item.getProductId(), item.getQuantity()) == 0) {
                // All or nothing: what this order took so far goes back in the same transaction.
                taken.forEach(t -> products.returnStock(t.getProductId(), t.getQuantity()));
                return ReservationOutcome.rejected(unavailable(item));
            }
            taken.add(item);
            Product product = products.findById(item.getProductId()).orElseThrow();
            reservation.addLine(new ReservationLine(product.getId(), product.getName(), product.getPrice(),
                    item.getQuantity()));
        }
        return ReservationOutcome.reserved(reservations.saveAndFlush(reservation));
    }

    /** Gives the order's stock back once; without a reservation, leaves a tombstone that refuses a later one. */
    public void release(String orderId) {
        if (!reservations.existsById(orderId)) {
            reservations.saveAndFlush(new Reservation(orderId, Reservation.Status.RELEASED));
            return;
        }
        if (reservations.markReleased(orderId, Instant.now()) == 1) {
            reservations.findById(orderId).orElseThrow().released()
                    .forEach(line -> products.returnStock(line.getProductId(), line.getQuantity()));
        }
    }

    private String unavailable(ItemRequest item) {
        if (products.findByIdAndActiveTrue(item.getProductId()).isEmpty()) {
            return "Product " + item.getProductId() + " does not exist";
        }
        return "Not enough stock of product " + item.getProductId() + " for quantity " + item.getQuantity();
    }
}
