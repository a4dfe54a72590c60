package dev.msakit.product.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

public interface ReservationRepository extends JpaRepository<Reservation, String> {

    /** Flips RESERVED to RELEASED at most once, however many releases race: only the winner returns stock. */
    default int markReleased(String orderId, Instant now) {
        return changeStatus(orderId, Reservation.Status.RESERVED, Reservation.Status.RELEASED, now);
    }

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Reservation r set r.status = :to, r.updatedAt = :now where r.orderId = :orderId and r.status = :from")
    int changeStatus(@Param("orderId") String orderId, @Param("from") Reservation.Status from,
                     @Param("to") Reservation.Status to, @Param("now") Instant now);
}
