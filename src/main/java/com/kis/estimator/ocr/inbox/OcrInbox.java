package com.kis.estimator.ocr.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kis.estimator.ocr.document.DocumentIntake;
import com.kis.estimator.ocr.document.DocumentTooLarge;
import com.kis.estimator.ocr.document.SenderQuotaReached;
import com.kis.estimator.ocr.document.UnknownCustomer;
import com.kis.estimator.ocr.imaging.DocumentRefused;

/**
 * What the OCR inbox route calls for each file: take it in as a document and say where the file goes, with a
 * report beside it: {@code done/} (a document, new or the same content received before) or {@code error/}
 * (refused, with the reason). Anything else (the database down) fails the exchange and the route leaves the
 * file in {@code failed/} to be dropped in again.
 */
@Component("ocrInbox")
class OcrInbox {

    static final String OUTCOME = "kisOutcome";
    private static final Logger log = LoggerFactory.getLogger(OcrInbox.class);

    private final DocumentIntake intake;
    private final OcrInboxProperties properties;
    private final Clock clock;

    OcrInbox(DocumentIntake intake, OcrInboxProperties properties, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    public void receive(Exchange exchange) throws IOException {
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        try {
            DocumentIntake.Received received = intake.receive(Files.readAllBytes(file), name, null,
                    DocumentIntake.Sender.inbox());
            String what = received.duplicate()
                    ? "The same content was received before as document " + received.document().id()
                            + " (" + received.document().fileName() + "); not taken in again."
                    : "Taken in as document " + received.document().id() + ", "
                            + received.document().pageCount() + " page(s).";
            outcome(exchange, "done", name, what + "\nStatus: /api/v1/ocr/documents/" + received.document().id());
            log.info("OCR inbox: {}: {}", name, what);
        } catch (DocumentRefused | DocumentTooLarge | UnknownCustomer | SenderQuotaReached e) {
            outcome(exchange, "error", name, "Refused: " + e.getMessage());
            log.warn("OCR inbox: {} refused: {}", name, e.getMessage());
        }
    }

    private void outcome(Exchange exchange, String folder, String name, String report) {
        exchange.getIn().setHeader(OUTCOME, folder);
        Path directory = properties.directory().resolve(folder);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".report.txt"),
                    name + " — " + Instant.now(clock) + "\n" + report + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
