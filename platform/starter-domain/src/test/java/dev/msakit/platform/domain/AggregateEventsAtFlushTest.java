package dev.msakit.platform.domain;

import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateEventsAtFlushTest {

    private final List<Object> published = new ArrayList<>();
    private final AggregateEventsAtFlush interceptor = new AggregateEventsAtFlush(published::add);

    @Test
    void publishesEveryAggregatesEventsInTheOrderTheyWereRecordedAcrossAggregates() {
        Account a = new Account();
        Account b = new Account();
        a.happened("a1");
        b.happened("b1");
        a.happened("a2");

        // The persistence context's order is not the order of what happened.
        interceptor.postFlush(List.<Object>of(b, "not an aggregate", a).iterator());

        assertThat(published).containsExactly("a1", "b1", "a2");
    }

    @Test
    void eachEventIsPublishedOnceHoweverManyFlushesSeeTheAggregate() {
        Account a = new Account();
        a.happened("opened");
        interceptor.postFlush(List.<Object>of(a).iterator());
        interceptor.postFlush(List.<Object>of(a).iterator());
        a.happened("closed");
        interceptor.postFlush(List.<Object>of(a).iterator());

        assertThat(published).containsExactly("opened", "closed");
        assertThat(a.recordedEvents()).isEmpty();
    }

    @Test
    void eventsAreTakenBeforeTheFirstIsPublishedSoAListenerThatFlushesAgainFindsNoneToRepeat() {
        Account a = new Account();
        a.happened("one");
        a.happened("two");
        List<Object> heard = new ArrayList<>();
        AggregateEventsAtFlush[] self = new AggregateEventsAtFlush[1];
        self[0] = new AggregateEventsAtFlush(event -> {
            heard.add(event);
            self[0].postFlush(List.<Object>of(a).iterator());   // a listener's query flushing the same session
        });

        self[0].postFlush(List.<Object>of(a).iterator());

        assertThat(heard).containsExactly("one", "two");
    }

    @Test
    void theAutoConfigurationInstallsTheInterceptorAndRefusesToReplaceAServicesOwn() {
        HibernatePropertiesCustomizer customizer = new DomainEventsAutoConfiguration()
                .aggregateEventsAtFlush(published::add);
        Map<String, Object> properties = new HashMap<>();
        customizer.customize(properties);
        assertThat(properties.get(AvailableSettings.INTERCEPTOR)).isInstanceOf(AggregateEventsAtFlush.class);

        Map<String, Object> withOwn = new HashMap<>(Map.of(AvailableSettings.INTERCEPTOR, new Object()));
        assertThatThrownBy(() -> customizer.customize(withOwn)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AvailableSettings.INTERCEPTOR);
    }

    private static final class Account extends AggregateRoot {
        void happened(String what) {
            record(what);
        }
    }
}
