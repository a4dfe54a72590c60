package dev.msakit.order.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import javax.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OrderRepository extends JpaRepository<PurchaseOrder, String> {

    // The queries of every order placed or read are written out: one derived from the method name builds and
    // renders a criteria query on every call; a written one is parsed once and its plan cached (JFR, under orders).
    @Query("select o from PurchaseOrder o where o.id = :id and o.memberId = :memberId")
    Optional<PurchaseOrder> findByIdAndMemberId(@Param("id") String id, @Param("memberId") long memberId);

    /** The order locked until the end of the transaction: a repair is written after every change of it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.id = :id")
    Optional<PurchaseOrder> lockById(@Param("id") String id);

    Page<PurchaseOrder> findByMemberId(long memberId, Pageable pageable);

    @Query("select o from PurchaseOrder o where o.memberId = :memberId and o.idempotencyKey = :idempotencyKey")
    Optional<PurchaseOrder> findByMemberIdAndIdempotencyKey(@Param("memberId") long memberId,
                                                            @Param("idempotencyKey") String idempotencyKey);

    List<PurchaseOrder> findTop50ByReleasePendingTrue();

    List<PurchaseOrder> findTop50ByStatusAndCreatedAtBefore(OrderStatus status, Instant before);
}
