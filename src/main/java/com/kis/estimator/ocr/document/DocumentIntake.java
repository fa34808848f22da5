package com.kis.estimator.ocr.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.ocr.engine.OcrEngineUnavailable;
import com.kis.estimator.ocr.imaging.DocumentKind;
import com.kis.estimator.ocr.imaging.DocumentRefused;
import com.kis.estimator.ocr.reading.OcrReading;
import com.kis.estimator.ocr.settings.OcrProperties;

/**
 * Takes a document in, from the API or the inbox. All checks come first (size, content, pages, the named
 * customer), so a refused file leaves nothing behind; an accepted one is stored with its row and its
 * document-intake process in one transaction. The same content again is the same document, under whatever name,
 * when its sender may see the first one; someone who may not gets a document of their own, which tells them
 * nothing of the other.
 */
@Service
public class DocumentIntake {

    public static final String PROCESS_MESSAGE = "DocumentReceived";
    /** The candidate groups of "Review extracted RFQ" (comma-separated), a variable of the process. */
    static final String REVIEW_GROUPS = "reviewGroups";
    private static final String ALL_SALES = "sales";

    /** @param duplicate the content had been received before; {@code document} is the first one its sender sees */
    public record Received(DocumentRecord document, boolean duplicate) {
    }

    /**
     * Who sends a document in.
     *
     * @param channel {@code api} or {@code inbox}
     * @param teams   their sales teams, empty for the inbox: they review it
     * @param sees    whether they may see an earlier document of the same content
     */
    public record Sender(String channel, String id, Collection<String> teams, Predicate<DocumentRecord> sees) {

        /** The inbox folder: what a scanner or mail gateway drops there is for all of sales. */
        public static Sender inbox() {
            return new Sender("inbox", "ocr-inbox", List.of(), document -> true);
        }
    }

    private final Documents documents;
    private final OcrReading reading;
    private final CatalogLookup catalog;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final OcrProperties properties;
    private final Clock clock;

    DocumentIntake(Documents documents, OcrReading reading, CatalogLookup catalog, RuntimeService runtime,
            TransactionTemplate transaction, OcrProperties properties, Clock clock) {
        this.documents = documents;
        this.reading = reading;
        this.catalog = catalog;
        this.runtime = runtime;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws DocumentRefused     not a readable PDF or image, or beyond the page limits
     * @throws DocumentTooLarge    over {@code kis.ocr.max-file-size}
     * @throws UnknownCustomer     {@code customerCode} names no customer
     * @throws SenderQuotaReached  the sender's documents of the last 24 hours reached the quota
     * @throws OcrEngineUnavailable Tesseract is missing here: nothing could read the document
     */
    public Received receive(byte[] content, String fileName, String customerCode, Sender sender)
            throws DocumentRefused, DocumentTooLarge, UnknownCustomer, SenderQuotaReached {
        return receive(content, fileName, customerCode, sender, false);
    }

    private Received receive(byte[] content, String fileName, String customerCode, Sender sender,
            boolean fileStoredByAnother) throws DocumentRefused, DocumentTooLarge, UnknownCustomer, SenderQuotaReached {
        checkSize(content.length);
        String checksum = sha256(content);
        Optional<DocumentRecord> earlier = earlierSeenBy(sender, checksum);
        if (earlier.isPresent()) {
            return new Received(earlier.get(), true);
        }
        checkQuota(sender);
        reading.unavailable().ifPresent(reason -> {
            throw new OcrEngineUnavailable(reason);
        });
        int pages = reading.inspect(content);
        String customer = customerCode == null || customerCode.isBlank() ? null : customerCode.strip();
        if (customer != null && catalog.customer(customer).isEmpty()) {
            throw new UnknownCustomer(customer);
        }
        DocumentKind kind = DocumentKind.of(content).orElseThrow();
        UUID id = UUID.randomUUID();
        String reviewGroups = reviewGroups(sender.teams());
        try {
            transaction.executeWithoutResult(status -> {
                documents.storeFile(checksum, kind.mediaType(), content);
                documents.insert(id, checksum, name(fileName, kind), kind.mediaType(), content.length,
                        sender.channel(), sender.id(), customer, pages, reviewGroups);
                ProcessInstance process = runtime.createMessageCorrelation(PROCESS_MESSAGE)
                        .processInstanceBusinessKey(id.toString())
                        .setVariable("documentId", id.toString())
                        .setVariable("fileName", name(fileName, kind))
                        .setVariable("customerCode", customer)
                        .setVariable(REVIEW_GROUPS, reviewGroups)
                        .correlateStartMessage();
                documents.attachProcess(id, process.getId());
            });
        } catch (DuplicateKeyException e) {
            // the same content arrived twice at once: the other one was first; or another sender stored the
            // file a moment before: then this one stores its own document, the file being there now
            Optional<DocumentRecord> first = earlierSeenBy(sender, checksum);
            if (first.isPresent()) {
                return new Received(first.get(), true);
            }
            if (!fileStoredByAnother) {
                return receive(content, fileName, customerCode, sender, true);
            }
            throw e;
        }
        return new Received(documents.find(id).orElseThrow(), false);
    }

    /**
     * Refuses a file over {@code kis.ocr.max-file-size}. The API calls it with the size of the part Tomcat spooled
     * to disk, before the file is read into memory (issue 23: the check came after reading all of it).
     */
    public void checkSize(long bytes) throws DocumentTooLarge {
        if (bytes > properties.maxFileSize().toBytes()) {
            throw new DocumentTooLarge("The file is " + bytes + " bytes; at most " + properties.maxFileSize().toBytes()
                    + " are accepted");
        }
    }

    /**
     * Each document is stored with its pages; one person (or a stolen session) may not fill the database with
     * them. The inbox is the company's own and has no quota.
     */
    private void checkQuota(Sender sender) throws SenderQuotaReached {
        if (!"api".equals(sender.channel())) {
            return;
        }
        int quota = properties.maxDocumentsPerSenderPerDay();
        Instant now = clock.instant();
        List<Instant> lastDay = documents.receivedSince(sender.id(), now.minus(Duration.ofDays(1)));
        if (lastDay.size() >= quota) {
            Instant frees = lastDay.get(lastDay.size() - quota).plus(Duration.ofDays(1));
            throw new SenderQuotaReached(quota, Duration.between(now, frees));
        }
    }

    private Optional<DocumentRecord> earlierSeenBy(Sender sender, String checksum) {
        return documents.withChecksum(checksum).stream()
                .filter(document -> document.receivedBy().equals(sender.id()) || sender.sees().test(document))
                .findFirst();
    }

    /**
     * Who reviews what was read: the uploader's sales team, whose customers these are; a document from the inbox or
     * from someone outside a team waits for all of sales.
     */
    static String reviewGroups(Collection<String> receiverTeams) {
        return receiverTeams == null || receiverTeams.isEmpty() ? ALL_SALES
                : receiverTeams.stream().sorted().collect(Collectors.joining(","));
    }

    private static String name(String fileName, DocumentKind kind) {
        if (fileName == null || fileName.isBlank()) {
            return "document." + kind.extension();
        }
        String plain = fileName.replace('\\', '/');
        plain = plain.substring(plain.lastIndexOf('/') + 1);
        return plain.length() > 255 ? plain.substring(plain.length() - 255) : plain;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
