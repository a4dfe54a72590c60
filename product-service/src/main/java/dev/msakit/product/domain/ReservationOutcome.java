package dev.msakit.product.domain;

import java.util.List;
import java.util.Optional;

/** What a reservation attempt decided: the reserved lines, or why nothing was reserved. */
public final class ReservationOutcome {

    private final List<ReservationLine> lines;
    private final String rejection;

    private ReservationOutcome(List<ReservationLine> lines, String rejection) {
        this.lines = lines;
        this.rejection = rejection;
    }

    static ReservationOutcome reserved(Reservation reservation) {
        return new ReservationOutcome(List.copyOf(reservation.getLines()), null);
    }

    static ReservationOutcome rejected(String reason) {
        return new ReservationOutcome(List.of(), reason);
    }

    public boolean isReserved() {
        return rejection == null;
    }

    public List<ReservationLine> getLines() {
        return lines;
    }

    public Optional<String> getRejection() {
        return Optional.ofNullable(rejection);
    }
}
