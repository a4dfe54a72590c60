package dev.msakit.product.domain;

import dev.msakit.platform.domain.AggregateRoot;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A product of the catalog; its creation, edits and stock edits are recorded ({@link ProductChanged}, {@link StockMoved}). */
@Entity
public class Product extends AggregateRoot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    /** Deleted products stay as rows: past reservations and orders still name them. */
    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Edits of this product as both sides count them (see ProductSnapshot): the order of edits, not a clock. */
    @Column(name = "edit_version", nullable = false)
    private long editVersion;

    protected Product() {
    }

    public Product(String name, String description, BigDecimal price, int stock) {
        this.createdAt = now();
        edit(name, description, price, stock);
        record(new ProductChanged(this));
    }

    public void update(String name, String description, BigDecimal price, int stock) {
        int before = this.stock;
        edit(name, description, price, stock);
        record(new ProductChanged(this));
        if (stock != before) {
            record(new StockMoved(id, stock - before));
        }
    }

    public void deactivate() {
        this.active = false;
        edited();
        record(new ProductChanged(this));
    }

    private void edit(String name, String description, BigDecimal price, int stock) {
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
        edited();
    }

    private void edited() {
        this.editVersion++;
        this.updatedAt = now();
    }

    /** At PostgreSQL's precision: the time sent to the legacy shop is exactly the time stored here. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getEditVersion() {
        return editVersion;
    }
}
