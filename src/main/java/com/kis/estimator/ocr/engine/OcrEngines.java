package com.kis.estimator.ocr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of worker threads, each owning one long-lived {@link TesseractEngine}, fed from one bounded queue
 * of pages. Loading Korean takes a good part of a second, so engines are made once, at start; a caller who
 * finds the queue full waits for a slot (back-pressure on whoever renders the pages), and gives up with
 * {@link OcrBusy} after {@code waitForSlot}.
 */
public final class OcrEngines implements AutoCloseable {

    /** How the pool stands, for health and metrics. */
    public record Status(String engine, String languages, int workers, int busy, int queued, int capacity,
            String openMpThreadLimit) {
    }

    private record Job(GreyPage page, CompletableFuture<RecognizedPage> result) {
    }

    private final TesseractSettings settings;
    private final BlockingQueue<Job> queue;
    private final Duration waitForSlot;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final String version;
    private volatile boolean closed;

    private OcrEngines(TesseractSettings settings, int capacity, Duration waitForSlot) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.waitForSlot = waitForSlot;
        this.version = "Tesseract " + TesseractLibrary.version();
    }

    /**
     * Starts {@code workers} threads and waits until each has its engine.
     *
     * @throws OcrEngineUnavailable when Tesseract or a language is missing; no thread is left running
     */
    public static OcrEngines start(TesseractSettings settings, int workers, int capacity, Duration waitForSlot) {
        OcrEngines pool = new OcrEngines(settings, capacity, waitForSlot);
        CountDownLatch ready = new CountDownLatch(workers);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(() -> pool.work(ready, failure), "ocr-" + i);
            thread.setDaemon(true);
            pool.workers.add(thread);
            thread.start();
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.close();
            throw new IllegalStateException("interrupted while the OCR engines started", e);
        }
        if (failure.get() != null) {
            pool.close();
            throw failure.get();
        }
        return pool;
    }

    /**
     * Queues a page for the next free engine.
     *
     * @throws OcrBusy when the queue stays full for {@code waitForSlot}
     */
    public CompletableFuture<RecognizedPage> recognize(GreyPage page) {
        if (closed) {
            throw new IllegalStateException("the OCR engines are shut down");
        }
        Job job = new Job(page, new CompletableFuture<>());
        try {
            if (!queue.offer(job, waitForSlot.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OcrBusy("all " + workers.size() + " OCR engines are busy and " + queue.size()
                        + " pages are waiting; waited " + waitForSlot.toSeconds() + " s for a place");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrBusy("interrupted while waiting for a place in the OCR queue");
        }
        return job.result();
    }

    public Status status() {
        return new Status(version, settings.languages(), workers.size(), busy.get(), queue.size(),
                queue.size() + queue.remainingCapacity(), TesseractLibrary.openMpThreadLimit());
    }

    private void work(CountDownLatch ready, AtomicReference<RuntimeException> failure) {
        TesseractEngine engine;
        try {
            engine = new TesseractEngine(settings);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            ready.countDown();
            return;
        }
        ready.countDown();
        try (engine) {
            while (!closed) {
                Job job = queue.take();
                busy.incrementAndGet();
                try {
                    job.result().complete(engine.recognize(job.page()));
                } catch (RuntimeException | Error e) {
                    job.result().completeExceptionally(e);
                } finally {
                    busy.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers after the page each is on; pages still queued fail. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the OCR engines shut down"));
        }
    }
}
