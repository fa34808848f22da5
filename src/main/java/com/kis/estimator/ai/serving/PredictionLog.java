package com.kis.estimator.ai.serving;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes {@code erp_ai.predictions} off the request path. A score is wanted in a millisecond or two, and a
 * database round trip with its commit costs about that much on its own (measured: p99 3.2 ms with the insert in
 * the request, docs/benchmarks.md). So predictions queue here and one thread writes them in batches. A
 * prediction is visible in the table a moment after it is answered. When the queue is full (the database is
 * down), predictions are dropped from the log and counted ({@code kis_ai_predictions_unlogged_total}) rather
 * than slowing scores. What is queued is written at shutdown.
 */
@Component
class PredictionLog implements DisposableBean {

    /** What the writer needs; hashing the input and writing the output as JSON happen on its thread. */
    record Entry(Long estimateId, Map<String, Object> features, WinPredictions.Prediction prediction,
            Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(PredictionLog.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
    private final Counter unlogged;
    private final Thread writer;
    private volatile boolean stopping;

    private final ObjectMapper json;

    PredictionLog(JdbcTemplate jdbc, ObjectMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.unlogged = Counter.builder("kis.ai.predictions.unlogged")
                .description("Predictions answered but not logged: the log's queue was full").register(meters);
        this.writer = new Thread(this::write, "ai-prediction-log");
        writer.setDaemon(true);
        writer.start();
    }

    void record(Entry entry) {
        if (!queue.offer(entry)) {
            unlogged.increment();
        }
    }

    private void write() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                insert(batch);
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                log.warn("{} predictions could not be logged: {}", batch.size(), e.getMessage());
                unlogged.increment(batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void insert(List<Entry> batch) {
        jdbc.batchUpdate("INSERT INTO erp_ai.predictions (model_name, model_version, estimate_id, input_hash,"
                + " win_probability, output, latency_us, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch,
                batch.size(), (statement, entry) -> {
                    WinPredictions.Prediction prediction = entry.prediction();
                    statement.setString(1, prediction.model());
                    statement.setInt(2, prediction.modelVersion());
                    statement.setObject(3, entry.estimateId());
                    statement.setString(4, hash(entry.features()));
                    statement.setBigDecimal(5, BigDecimal.valueOf(prediction.winProbability())
                            .setScale(5, RoundingMode.HALF_UP));
                    statement.setString(6, write(prediction));
                    statement.setLong(7, prediction.latencyMicros());
                    statement.setTimestamp(8, Timestamp.from(entry.at()));
                });
    }

    /** SHA-256 of the features as sorted JSON: the same input always hashes alike. */
    private String hash(Map<String, Object> features) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(new TreeMap<>(features)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(5_000);
    }
}
