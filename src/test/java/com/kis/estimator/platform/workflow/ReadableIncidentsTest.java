package com.kis.estimator.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class ReadableIncidentsTest {

    @Test
    void anExpressionsWrapperGivesWayToWhatOurCodeThrew() {
        IllegalStateException thrown = new IllegalStateException("Redis 응답 없음 (Redis unavailable)");

        assertThat(ReadableIncidents.unwrapped(new ProcessEngineException(new ProcessEngineException(thrown))))
                .isSameAs(thrown);
    }

    @Test
    void aWrapperWithAMessageOfItsOwnStays() {
        ProcessEngineException explained = new ProcessEngineException("ENGINE-03051 the task listener failed",
                new IllegalStateException("why"));

        assertThat(ReadableIncidents.unwrapped(explained)).isSameAs(explained);
        assertThat(ReadableIncidents.unwrapped(new IllegalStateException("plain"))).hasMessage("plain");
    }
}
