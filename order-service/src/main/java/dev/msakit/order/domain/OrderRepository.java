package dev.msakit.order.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OrderRepository extends JpaRepository<PurchaseOrder, String> {

    Optional<PurchaseOrder> findByIdAndMemberId(String id, long memberId);

    Page<PurchaseOrder> findByMemberId(long memberId, Pageable pageable);

    Optional<PurchaseOrder> findByMemberIdAndIdempotencyKey(long memberId, String idempotencyKey);

    List<PurchaseOrder> findTop50ByReleasePendingTrue();

    List<PurchaseOrder> findTop50ByStatusAndCreatedAtBefore(OrderStatus status, Instant before);
}
