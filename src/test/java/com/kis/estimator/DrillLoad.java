package com.kis.estimator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 22's load for its fault drills: six sales clients create estimates (each with an {@code Idempotency-Key})
 * and submit them while two approvers approve them, through one door (an instance, or nginx before replicas),
 * until stopped. It remembers what each request was answered; after the fault, {@link #check} asks another door
 * what survived: every 201 and 202 must be there, each approval once, and every approved estimate must reach
 * APPROVED without waiting out a dead process's job locks. A request sent and never answered (the connection cut,
 * or a proxy's 502/504 for a replica that died under it) is asked again as its client would: the same key
 * replays a creation that was done; a submission or approval shows in the estimate.
 */
public final class DrillLoad {

    /** Where the drill's requests go, as a user of the realm or of the embedded default. */
    public interface Door {

        HttpResponse<String> post(String path, String user, String json, String... headers)
                throws IOException, InterruptedException;

        HttpResponse<String> get(String path, String user);
    }

    /** What survived the fault; the lists name estimate ids. */
    public record Outcome(int created, int submitted, int approved, int cutOff, int doneUnanswered, int serverErrors,
            List<Long> lostCreations, List<Long> lostSubmissions, List<Long> lostApprovals, List<Long> decidedTwice,
            int stuckAtFirstLook, List<Long> stuck, long settledMs) {
    }

    private static final int SALES_CLIENTS = 6;
    private static final int APPROVER_CLIENTS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Door door;
    private final String estimate;
    private final Set<Long> created = ConcurrentHashMap.newKeySet();
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
    private final Set<Long> approved = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Long> toApprove = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final Set<String> unansweredCreations = ConcurrentHashMap.newKeySet();
    private final Set<Long> unansweredSubmissions = ConcurrentHashMap.newKeySet();
    private final Set<Long> unansweredApprovals = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService clients = Executors.newFixedThreadPool(SALES_CLIENTS + APPROVER_CLIENTS);
    /** Every answered request's time in ms, for a caller that reads them as it goes ({@link #drainLatencies}). */
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private Semaphore pace;
    private ScheduledExecutorService pacer;
    private long started;

    /** {@code estimate}: the JSON of the estimate every sales client creates. */
    public DrillLoad(Door door, String estimate) {
        this.door = door;
        this.estimate = estimate;
    }

    public static String clientsDescription() {
        return SALES_CLIENTS + " clients, " + APPROVER_CLIENTS + " approvers";
    }

    /**
     * At most this many creations per second in all (each followed by its submission and approval), instead of as
     * many as the clients manage: a soak at a share of the measured capacity.
     */
    public DrillLoad paced(double creationsPerSecond) {
        pace = new Semaphore(0);
        pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            if (pace.availablePermits() < SALES_CLIENTS) { // no burst after a stall
                pace.release();
            }
        }, 0, Math.round(1e9 / creationsPerSecond), TimeUnit.NANOSECONDS);
        return this;
    }

    /** The times of the requests answered since the last call, in ms. */
    public List<Long> drainLatencies() {
        List<Long> drained = new ArrayList<>();
        for (Long latency = latencies.poll(); latency != null; latency = latencies.poll()) {
            drained.add(latency);
        }
        return drained;
    }

    /** 5xx answered by the application so far (not a proxy's for a replica that went away). */
    public int serverErrors() {
        return serverErrors.get();
    }

    public DrillLoad start() {
        started = System.nanoTime();
        for (int client = 0; client < SALES_CLIENTS; client++) {
            clients.submit(this::sell);
        }
        for (int client = 0; client < APPROVER_CLIENTS; client++) {
            clients.submit(this::approve);
        }
        return this;
    }

    /** Waits until this much work was acknowledged (at most three minutes); answers estimates created per second. */
    public double awaitAcknowledged(int creations, int approvals) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while ((created.size() < creations || approved.size() < approvals) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return created.size() / ((System.nanoTime() - started) / 1e9);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int createdSoFar() {
        return created.size();
    }

    public int approvedSoFar() {
        return approved.size();
    }

    public void stop() throws InterruptedException {
        stopped.set(true);
        if (pacer != null) {
            pacer.shutdownNow();
            pace.release(SALES_CLIENTS);
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** After {@link #stop}: what {@code after} shows of the acknowledged work, waiting for approved estimates. */
    public Outcome check(Door after, Duration settlingLimit) throws IOException, InterruptedException {
        long checking = System.nanoTime();
        List<Long> createdAcknowledged = new ArrayList<>(created);
        List<Long> submittedAcknowledged = new ArrayList<>(submitted);
        List<Long> approvedAcknowledged = new ArrayList<>(approved);
        List<Long> lostCreations = createdAcknowledged.stream()
                .filter(id -> after.get("/api/v1/estimates/" + id, "sales1").statusCode() != 200).toList();
        List<Long> lostSubmissions = submittedAcknowledged.stream().filter(id -> draft(after, id)).toList();
        List<Long> lostApprovals = approvedAcknowledged.stream().filter(id -> decisions(after, id) == 0).toList();
        List<Long> decidedTwice = approvedAcknowledged.stream().filter(id -> decisions(after, id) > 1).toList();
        int cutOff = unansweredCreations.size() + unansweredSubmissions.size() + unansweredApprovals.size();
        int doneUnanswered = 0;
        for (String key : unansweredCreations) {
            HttpResponse<String> retried = after.post("/api/v1/estimates", "sales1", estimate, "Idempotency-Key", key);
            if (retried.statusCode() != 201) {
                throw new AssertionError("a creation asked again answered " + retried.statusCode() + ": " + retried.body());
            }
            doneUnanswered += retried.headers().firstValue("Idempotent-Replayed").orElse("").equals("true") ? 1 : 0;
        }
        doneUnanswered += (int) unansweredSubmissions.stream().filter(id -> !draft(after, id)).count();
        doneUnanswered += (int) unansweredApprovals.stream().filter(id -> decisions(after, id) > 0).count();
        List<Long> stuck = approvedAcknowledged.stream().filter(id -> !approvedNow(after, id)).toList();
        int stuckAtFirstLook = stuck.size();
        while (!stuck.isEmpty() && System.nanoTime() - checking < settlingLimit.toNanos()) {
            Thread.sleep(500);
            stuck = stuck.stream().filter(id -> !approvedNow(after, id)).toList();
        }
        return new Outcome(createdAcknowledged.size(), submittedAcknowledged.size(), approvedAcknowledged.size(),
                cutOff, doneUnanswered, serverErrors.get(), lostCreations, lostSubmissions, lostApprovals,
                decidedTwice, stuckAtFirstLook, stuck, (System.nanoTime() - checking) / 1_000_000);
    }

    private Void sell() {
        while (!stopped.get()) {
            if (pace != null) {
                try {
                    pace.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            inFlight.incrementAndGet();
            String key = UUID.randomUUID().toString();
            Long submitting = null;
            try {
                HttpResponse<String> made = answered(timed(() -> door.post("/api/v1/estimates", "sales1",
                        estimate, "Idempotency-Key", key)));
                if (made.statusCode() != 201) {
                    continue;
                }
                long id = ProdClient.id(made.body());
                created.add(id);
                submitting = id;
                if (answered(timed(() -> door.post("/api/v1/estimates/" + id + "/submit", "sales1", "{}")))
                        .statusCode() == 202) {
                    submitted.add(id);
                    toApprove.add(id);
                }
            } catch (ConnectException refused) {
                // stopping or stopped: not accepted, nothing promised
            } catch (IOException gone) { // sent, and no answer came
                if (submitting == null) {
                    unansweredCreations.add(key);
                } else {
                    unansweredSubmissions.add(submitting);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                inFlight.decrementAndGet();
            }
        }
        return null;
    }

    private Void approve() throws InterruptedException {
        while (!stopped.get()) {
            Long id = toApprove.poll(100, TimeUnit.MILLISECONDS);
            if (id == null) {
                continue;
            }
            inFlight.incrementAndGet();
            try {
                int status = answered(timed(() -> door.post("/api/v1/estimates/" + id + "/approve", "approver1",
                        "{\"decision\":\"APPROVE\",\"comment\":\"drill\"}"))).statusCode();
                if (status == 202) {
                    approved.add(id);
                } else if (status == 409) {
                    toApprove.add(id); // its approval task is not open yet
                }
            } catch (ConnectException refused) {
                // stopping or stopped
            } catch (IOException gone) {
                unansweredApprovals.add(id);
            } finally {
                inFlight.decrementAndGet();
            }
        }
        return null;
    }

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> timed(Request request) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> response = request.send();
        latencies.add((System.nanoTime() - sent) / 1_000_000);
        return response;
    }

    /**
     * A proxy's 502 or 504 means the replica behind it went away with the request: no answer, as a cut connection.
     * Any other 5xx is the application's and counts against it.
     */
    private HttpResponse<String> answered(HttpResponse<String> response) throws IOException {
        if (response.statusCode() == 502 || response.statusCode() == 504) {
            throw new IOException("proxy answered " + response.statusCode() + " for a replica that went away");
        }
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
        }
        return response;
    }

    private static boolean draft(Door door, long id) {
        return door.get("/api/v1/estimates/" + id, "sales1").body().contains("\"status\":\"DRAFT\"");
    }

    private static boolean approvedNow(Door door, long id) {
        return door.get("/api/v1/estimates/" + id, "sales1").body().contains("\"status\":\"APPROVED\"");
    }

    /** The decisions recorded on the estimate (one approval level in the drills). */
    private static int decisions(Door door, long id) {
        try {
            int decided = 0;
            for (JsonNode record : JSON.readTree(door.get("/api/v1/estimates/" + id + "/approvals", "sales1").body())) {
                decided += record.hasNonNull("decision") ? 1 : 0;
            }
            return decided;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
