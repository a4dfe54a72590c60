package dev.msakit.product.domain;

import dev.msakit.platform.problem.ApiException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reserves the items of one order all-or-nothing, idempotently per order id, and releases them at most once.
 * Every step runs in one transaction, so a failure on any item returns the stock taken for the others.
 */
@Service
public class StockReservationService {

    private final ProductRepository products;
    private final ReservationRepository reservations;
    private final TransactionTemplate transactions;

    public StockReservationService(ProductRepository products, ReservationRepository reservations,
                                   PlatformTransactionManager transactionManager) {
        this.products = products;
        this.reservations = reservations;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Reservation reserve(String orderId, List<ItemRequest> items) {
        try {
            return transactions.execute(status -> reserveOnce(orderId, items));
        } catch (DataIntegrityViolationException concurrentClaim) {
            // A retry of the same order won the race for the order id; answer with what it decided.
            return transactions.execute(status -> existing(orderId));
        }
    }

    public Reservation release(String orderId) {
        try {
            return transactions.execute(status -> releaseOnce(orderId));
        } catch (DataIntegrityViolationException concurrentClaim) {
            return transactions.execute(status -> releaseOnce(orderId));
        }
    }

    private Reservation reserveOnce(String orderId, List<ItemRequest> items) {
        if (reservations.existsById(orderId)) {
            return existing(orderId);
        }
        // Claim the order id first: a concurrent attempt for the same order now waits on, then fails at, this row.
        reservations.saveAndFlush(new Reservation(orderId, Reservation.Status.RESERVED));
        Reservation reservation = reservations.findById(orderId).orElseThrow();
        // A fixed lock order (by product id) keeps two orders for the same products from deadlocking.
        List<ItemRequest> sorted = items.stream().sorted(Comparator.comparingLong(ItemRequest::getProductId))
                .collect(Collectors.toList());
        for (ItemRequest item : sorted) {
            if (products.takeStock(item.getProductId(), item.getQuantity()) == 0) {
                throw unavailable(item);
            }
            Product product = products.findById(item.getProductId()).orElseThrow();
            reservation.addLine(new ReservationLine(product.getId(), product.getName(), product.getPrice(),
                    item.getQuantity()));
        }
        return reservations.saveAndFlush(reservation);
    }

    private Reservation existing(String orderId) {
        Reservation reservation = reservations.findById(orderId).orElseThrow(() ->
                new ApiException(HttpStatus.CONFLICT, "Reservation for order " + orderId + " is being changed"));
        if (reservation.getStatus() == Reservation.Status.RELEASED) {
            throw ApiException.conflict("The reservation for order " + orderId + " was released");
        }
        return reservation;
    }

    private Reservation releaseOnce(String orderId) {
        if (!reservations.existsById(orderId)) {
            // Nothing reserved (yet): leave a tombstone so a late reservation for this order is refused.
            return reservations.saveAndFlush(new Reservation(orderId, Reservation.Status.RELEASED));
        }
        if (reservations.markReleased(orderId, Instant.now()) == 1) {
            Reservation reservation = reservations.findById(orderId).orElseThrow();
            reservation.getLines().forEach(line -> products.returnStock(line.getProductId(), line.getQuantity()));
            return reservation;
        }
        return reservations.findById(orderId).orElseThrow();
    }

    private ApiException unavailable(ItemRequest item) {
        boolean exists = products.findByIdAndActiveTrue(item.getProductId()).isPresent();
        if (!exists) {
            return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Product " + item.getProductId() + " does not exist");
        }
        return ApiException.conflict("Not enough stock of product " + item.getProductId() + " for quantity "
                + item.getQuantity());
    }
}
