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

    Optional<PurchaseOrder> findByIdAndMemberId(String id, long memberId);

    /** The order locked until the end of the transaction: a repair is written after every change of it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.id = :id")
    Optional<PurchaseOrder> lockById(@Param("id") String id);

    Page<PurchaseOrder> findByMemberId(long memberId, Pageable pageable);

    Optional<PurchaseOrder> findByMemberIdAndIdempotencyKey(long memberId, String idempotencyKey);

    List<PurchaseOrder> findTop50ByReleasePendingTrue();

    List<PurchaseOrder> findTop50ByStatusAndCreatedAtBefore(OrderStatus status, Instant before);
}
