package dev.msakit.product.messaging;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.stock.ReleaseStock;
import dev.msakit.contracts.stock.ReserveStock;
import dev.msakit.contracts.stock.StockRejected;
import dev.msakit.contracts.stock.StockReserved;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.platform.messaging.DeadLetter;
import dev.msakit.platform.messaging.IncomingMessages;
import dev.msakit.platform.messaging.MessageDispatch;
import dev.msakit.platform.messaging.Outbox;
import dev.msakit.product.domain.ItemRequest;
import dev.msakit.product.domain.ReservationOutcome;
import dev.msakit.product.domain.StockReservationService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * product-service's side of the stock saga: reserves or releases on command and replies through the outbox, all in
 * the transaction that records the command as handled. A reservation command that can never be handled is answered
 * with a rejection, so its order does not wait for a timeout.
 */
@Component
public class StockCommandListener {

    private static final Logger log = LoggerFactory.getLogger(StockCommandListener.class);

    private final IncomingMessages incoming;
    private final StockReservationService reservations;
    private final Outbox outbox;
    private final MessageDispatch dispatch;

    public StockCommandListener(IncomingMessages incoming, StockReservationService reservations, Outbox outbox) {
        this.incoming = incoming;
        this.reservations = reservations;
        this.outbox = outbox;
        this.dispatch = MessageDispatch.builder()
                .on(ReserveStock.class, (command, message) -> reserve(command))
                .on(ReleaseStock.class, (command, message) ->
                        reservations.release(OrderIds.normalize(command.getOrderId())))
                .onDeadLetter(this::compensate)
                .build();
    }

    @KafkaListener(topics = StockTopics.COMMANDS, autoStartup = "${platform.messaging.consumers.enabled:true}")
    public void onCommand(ConsumerRecord<String, String> record) {
        incoming.process(record, dispatch);
    }

    private void reserve(ReserveStock command) {
        String orderId = OrderIds.normalize(command.getOrderId());
        ReservationOutcome outcome = reservations.reserve(orderId, command.getItems().stream()
                .map(i -> new ItemRequest(i.getProductId(), i.getQuantity())).collect(Collectors.toList()));
        Object reply = outcome.getRejection().<Object>map(reason -> new StockRejected(orderId, reason))
                .orElseGet(() -> new StockReserved(orderId, outcome.getLines().stream()
                        .map(line -> new StockReserved.Line(line.getProductId(), line.getProductName(),
                                line.getUnitPrice(), line.getQuantity()))
                        .collect(Collectors.toList())));
        outbox.send(StockTopics.REPLIES, orderId, reply);
    }

    private boolean compensate(DeadLetter letter) {
        if (ReserveStock.class.getSimpleName().equals(letter.getType()) && OrderIds.isValid(letter.getKey())) {
            String orderId = OrderIds.normalize(letter.getKey());
            outbox.send(StockTopics.REPLIES, orderId, new StockRejected(orderId,
                    "The stock reservation could not be processed (" + letter.getReason() + ")"));
            return true;
        }
        // A release that cannot be handled leaves stock reserved: it stays parked, visible to an operator, and a
        // redrive releases it once the cause is fixed.
        log.error("Dead-lettered {} for key {} needs an operator (parked; redrive it once the cause is fixed)",
                letter.getType(), letter.getKey());
        return false;
    }
}
