package dev.msakit.contracts.migration;

/**
 * An order as the side that holds it has it, sent to the other side to end a drift reconciliation found
 * (release-control asks both sides; each sends the drifted orders it holds). Unlike an {@link OrderSnapshot} the
 * copy takes it whatever its version: two snapshots of the same version that disagree are what a drift can be. A
 * side that holds the order itself keeps it (both sides claiming one order is not a copy to overwrite) and logs it.
 */
public class OrderRepair extends OrderSnapshot {

    public OrderRepair() {
    }

    /** The holder's snapshot, as a repair. */
    public static OrderRepair of(OrderSnapshot held) {
        OrderRepair repair = new OrderRepair();
        repair.setOrderId(held.getOrderId());
        repair.setMemberId(held.getMemberId());
        repair.setStatus(held.getStatus());
        repair.setTotal(held.getTotal());
        repair.setRejectionReason(held.getRejectionReason());
        repair.setCreatedAt(held.getCreatedAt());
        repair.setVersion(held.getVersion());
        repair.setLines(held.getLines());
        repair.setIdempotencyKey(held.getIdempotencyKey());
        repair.setRequestFingerprint(held.getRequestFingerprint());
        return repair;
    }
}
