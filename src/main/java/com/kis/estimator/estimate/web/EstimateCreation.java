package com.kis.estimator.estimate.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.estimate.drafting.Drafted;
import com.kis.estimator.estimate.drafting.EstimateDrafting;
import com.kis.estimator.estimate.drafting.PricedDraft;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.IdempotencyRecord;
import com.kis.estimator.estimate.model.IdempotencyRecords;
import com.kis.estimator.estimate.quote.Sha256;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/**
 * Creates an estimate, at most once per {@code Idempotency-Key}: the key, a hash of the request and the answer
 * are stored in the same transaction as the estimate. A retry with the same body gets the first answer again;
 * the same key with another body is refused. Two concurrent first uses of a key collide on its primary key,
 * and the loser answers 409.
 */
@Component
class EstimateCreation {

    /** The answer: an {@link EstimateResponse} when just created, the stored JSON when replayed. */
    record Created(long id, long version, Object body, boolean replayed) {
    }

    private final EstimateDrafting drafting;
    private final IdempotencyRecords records;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EstimateCreation(EstimateDrafting drafting, IdempotencyRecords records, ObjectMapper json,
            TransactionTemplate transaction, Clock clock) {
        this.drafting = drafting;
        this.records = records;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A new estimate owned by {@code actor} and readable by {@code team} (the owner's sales team, may be null). */
    Created create(EstimateRequest request, Draft draft, String actor, String team, String idempotencyKey) {
        if (idempotencyKey == null) {
            PricedDraft priced = drafting.price(draft);
            return transaction.execute(status -> created(drafting.create(priced, actor, team)));
        }
        var key = new IdempotencyRecord.Key(actor, idempotencyKey);
        String hash = Sha256.hex(write(request));
        var earlier = records.findById(key);
        if (earlier.isPresent()) {
            if (!earlier.get().getRequestHash().equals(hash)) {
                throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key " + idempotencyKey + " was already used for a different request");
            }
            return replay(earlier.get());
        }
        PricedDraft priced = drafting.price(draft);
        return transaction.execute(status -> {
            Created created = created(drafting.create(priced, actor, team));
            records.save(new IdempotencyRecord(key, hash, created.id(), write(created.body()), Instant.now(clock)));
            return created;
        });
    }

    private Created created(Drafted drafted) {
        Estimate estimate = drafted.estimate();
        return new Created(estimate.getId(), estimate.getVersion(),
                EstimateResponse.of(estimate, drafted.revision(), false), false);
    }

    private Created replay(IdempotencyRecord record) {
        try {
            JsonNode body = json.readTree(record.getResponseBody());
            return new Created(record.getEstimateId(), body.path("version").asLong(-1), body, true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer for estimate " + record.getEstimateId() + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
