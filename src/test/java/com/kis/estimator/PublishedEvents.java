package com.kis.estimator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.context.event.ApplicationEventMulticaster;

/**
 * Collects the events the application publishes on any thread (Spring's {@code @RecordApplicationEvents} sees
 * only the test's own thread, not the server's request threads). Start in {@code @BeforeEach}, stop in
 * {@code @AfterEach}.
 */
public final class PublishedEvents implements ApplicationListener<PayloadApplicationEvent<?>> {

    private final List<Object> payloads = new CopyOnWriteArrayList<>();
    private final ApplicationEventMulticaster multicaster;

    private PublishedEvents(ApplicationEventMulticaster multicaster) {
        this.multicaster = multicaster;
    }

    public static PublishedEvents start(ApplicationContext context) {
        var multicaster = context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                ApplicationEventMulticaster.class);
        PublishedEvents events = new PublishedEvents(multicaster);
        multicaster.addApplicationListener(events);
        return events;
    }

    public void stop() {
        multicaster.removeApplicationListener(this);
    }

    public <T> Stream<T> of(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast);
    }

    /** Counts an event published inside a transaction only once that transaction commits, as consumers see it. */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    payloads.add(event.getPayload());
                }
            });
        } else {
            payloads.add(event.getPayload());
        }
    }
}
