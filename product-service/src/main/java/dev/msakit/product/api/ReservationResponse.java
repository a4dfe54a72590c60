package dev.msakit.product.api;

import dev.msakit.product.domain.Reservation;
import dev.msakit.product.domain.ReservationLine;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

public class ReservationResponse {

    private final String orderId;
    private final String status;
    private final List<Line> lines;

    private ReservationResponse(String orderId, String status, List<Line> lines) {
        this.orderId = orderId;
        this.status = status;
        this.lines = lines;
    }

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.getOrderId(), reservation.getStatus().name(),
                reservation.getLines().stream().map(Line::of).collect(Collectors.toList()));
    }

    public String getOrderId() {
        return orderId;
    }

    public String getStatus() {
        return status;
    }

    public List<Line> getLines() {
        return lines;
    }

    public static final class Line {
        private final long productId;
        private final String productName;
        private final BigDecimal unitPrice;
        private final int quantity;

        private Line(long productId, String productName, BigDecimal unitPrice, int quantity) {
            this.productId = productId;
            this.productName = productName;
            this.unitPrice = unitPrice;
            this.quantity = quantity;
        }

        static Line of(ReservationLine line) {
            return new Line(line.getProductId(), line.getProductName(), line.getUnitPrice(), line.getQuantity());
        }

        public long getProductId() {
            return productId;
        }

        public String getProductName() {
            return productName;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public int getQuantity() {
            return quantity;
        }
    }
}
