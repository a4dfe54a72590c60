package dev.msakit.product.domain;

import dev.msakit.platform.domain.AggregateRoot;
import org.springframework.data.domain.Persistable;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.PostLoad;
import javax.persistence.PostPersist;
import javax.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock one order holds, taken all-or-nothing and released at most once; the stock each line takes or gives back
 * is recorded ({@link StockMoved}).
 */
@Entity
public class Reservation extends AggregateRoot implements Persistable<String> {

    public enum Status { RESERVED, RELEASED }

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    // Not updatable: a line is inserted with its reservation's key and never moves, so Hibernate writes the key in the
    // INSERT and skips the "update ... set order_id" it otherwise issues for every new line of a one-sided list.
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private List<ReservationLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Created here, not read: saved by an INSERT, not a merge. Its id is the order's, so Spring Data would merge it,
     * and a merge stores a copy: the copy would have none of the stock moves this one recorded.
     */
    @Transient
    private boolean fresh;

    protected Reservation() {
    }

    public Reservation(String orderId, Status status) {
        this.orderId = orderId;
        this.fresh = true;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A line whose stock this reservation took. */
    public void addLine(ReservationLine line) {
        lines.add(line);
        record(new StockMoved(line.getProductId(), -line.getQuantity()));
    }

    /**
     * Marked released (at most once: {@link ReservationRepository#markReleased}): the lines whose stock goes back,
     * which this records.
     */
    public List<ReservationLine> released() {
        lines.forEach(line -> record(new StockMoved(line.getProductId(), line.getQuantity())));
        return lines;
    }

    @Override
    public String getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void stored() {
        fresh = false;
    }

    public String getOrderId() {
        return orderId;
    }

    public Status getStatus() {
        return status;
    }

    public List<ReservationLine> getLines() {
        return lines;
    }
}
