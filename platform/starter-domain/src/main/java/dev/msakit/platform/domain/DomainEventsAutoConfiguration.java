package dev.msakit.platform.domain;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where a service has JPA, the events its {@link AggregateRoot}s record are published at each flush. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({AvailableSettings.class, HibernatePropertiesCustomizer.class})
public class DomainEventsAutoConfiguration {

    @Bean
    public HibernatePropertiesCustomizer aggregateEventsAtFlush(ApplicationEventPublisher publisher) {
        return properties -> {
            // Hibernate takes one session-factory interceptor: replacing a service's own would silently drop events.
            if (properties.putIfAbsent(AvailableSettings.INTERCEPTOR, new AggregateEventsAtFlush(publisher)) != null) {
                throw new IllegalStateException(AvailableSettings.INTERCEPTOR + " is set already; aggregates' events"
                        + " are published by the platform's interceptor, so chain yours into it instead");
            }
        };
    }
}
