package com.kis.estimator.ai.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceBandTest {

    @Test
    void oneWildQuoteDoesNotWidenTheBand() {
        PriceBand band = PriceBand.of(new double[] {100, 102, 98, 101, 99, 100, 5_000}, 1);
        assertThat(band.median()).isEqualTo(100);
        assertThat(band.high()).isCloseTo(100 + 3 * 1.4826 * 1, within(1e-9));
        assertThat(band.contains(103)).isTrue();
        assertThat(band.contains(120)).isFalse();
        assertThat(band.contains(80)).isFalse();
    }

    @Test
    void identicalHistoryStillToleratesTheFloor() {
        PriceBand band = PriceBand.of(new double[] {0, 0, 0, 0, 0}, 1);
        assertThat(band.contains(0.5)).isTrue();
        assertThat(band.contains(40)).isFalse();
    }

    @Test
    void tooFewQuotesJudgeNothing() {
        assertThat(PriceBand.of(new double[] {1, 2, 3, 4}, 1)).isNull();
    }
}
