package com.kis.estimator.ocr.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.estimate.DocumentDrafts;
import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentStatus;
import com.kis.estimator.ocr.document.Documents;
import com.kis.estimator.ocr.document.PageRecord;
import com.kis.estimator.ocr.engine.OcrWord;
import com.kis.estimator.ocr.engine.RecognizedPage;
import com.kis.estimator.ocr.extraction.ExtractedRfq;
import com.kis.estimator.ocr.extraction.RfqExtractor;
import com.kis.estimator.ocr.imaging.DocumentRefused;
import com.kis.estimator.ocr.reading.OcrMetrics;
import com.kis.estimator.ocr.reading.OcrReading;
import com.kis.estimator.ocr.reading.ReadPage;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The service tasks of processes/document-intake.bpmn ({@code ${intakeSteps.read(execution)}}, …). Each step
 * checks the status it expects, so a retried job cannot run a step twice.
 */
@Component("intakeSteps")
@ProcessApi
public class DocumentSteps {

    /** The BPMN error of a file that turned out unreadable while its pages were rendered. */
    static final String UNREADABLE = "document-unreadable";

    private final Documents documents;
    private final OcrReading reading;
    private final OcrMetrics metrics;
    private final CatalogLookup catalog;
    private final DocumentDrafts drafts;
    private final ReviewVariables variables;
    private final ObjectMapper json;

    DocumentSteps(Documents documents, OcrReading reading, OcrMetrics metrics, CatalogLookup catalog,
            DocumentDrafts drafts, ReviewVariables variables, ObjectMapper json) {
        this.documents = documents;
        this.reading = reading;
        this.metrics = metrics;
        this.catalog = catalog;
        this.drafts = drafts;
        this.variables = variables;
        this.json = json;
    }

    public void read(DelegateExecution execution) {
        DocumentRecord document = document(execution);
        if (document.status() != DocumentStatus.RECEIVED) {
            return;
        }
        byte[] content = documents.file(document.checksum()).orElseThrow();
        documents.ocrStarted(document.id());
        long started = System.nanoTime();
        List<ReadPage> pages;
        try {
            pages = reading.read(content);
        } catch (DocumentRefused e) {
            documents.failed(document.id(), e.getMessage());
            execution.setVariable("failureReason", e.getMessage());
            throw new BpmnError(UNREADABLE, e.getMessage());
        }
        metrics.read(pages);
        List<PageRecord> records = new ArrayList<>();
        List<byte[]> previews = new ArrayList<>();
        for (ReadPage page : pages) {
            RecognizedPage recognized = page.recognized();
            records.add(new PageRecord(page.number(), page.width(), page.height(), page.dpi(),
                    decimal(page.skewDegrees()), decimal(recognized.meanConfidence()), page.prepareMillis(),
                    recognized.millis(), recognized.text(), variables.write(recognized.words())));
            previews.add(page.preview());
        }
        double mean = pages.stream().mapToDouble(p -> p.recognized().meanConfidence()).average().orElse(0);
        documents.ocrDone(document.id(), records, previews, decimal(mean), (System.nanoTime() - started) / 1_000_000);
        execution.setVariable("pageCount", pages.size());
    }

    public void extract(DelegateExecution execution) {
        DocumentRecord document = document(execution);
        if (document.status() != DocumentStatus.OCR_DONE) {
            return;
        }
        long started = System.nanoTime();
        List<PageRecord> pages = documents.pages(document.id());
        List<RecognizedPage> recognized = pages.stream()
                .map(page -> new RecognizedPage(words(page.words()), page.ocrConfidence().doubleValue(), page.ocrMillis()))
                .toList();
        ExtractedRfq rfq = new RfqExtractor(catalog.activeProducts(), catalog.customers())
                .extract(recognized, document.customerCode());
        documents.extracted(document.id(), variables.write(rfq), BigDecimal.valueOf(rfq.confidence()),
                (System.nanoTime() - started) / 1_000_000);
        metrics.extracted(rfq.confidence());

        execution.setVariable("documentNumber", rfq.documentNumber().value());
        execution.setVariable("documentDate", rfq.documentDate().value() == null ? null
                : rfq.documentDate().value().toString());
        execution.setVariable(ReviewVariables.CUSTOMER_CODE, rfq.customer().code());
        execution.setVariable("customerName", rfq.customer().name());
        execution.setVariable("customerMatchedBy", rfq.customer().matchedBy());
        execution.setVariable("lineCount", rfq.lines().size());
        // two decimals: what a reviewer reads in Tasklist (Camunda Forms shows every digit it gets)
        execution.setVariable("extractionConfidence", decimal(rfq.confidence()).doubleValue());
        variables.setPageImage(execution, "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(documents.preview(document.id(), 1).orElse(new byte[0])));
        variables.setLines(execution, rfq.lines().stream().map(DocumentSteps::reviewLine).toList());
        execution.setVariable(ReviewVariables.DECISION, RfqReview.CREATE_ESTIMATE);
    }

    public void createDraft(DelegateExecution execution) {
        DocumentRecord document = document(execution);
        if (document.status() != DocumentStatus.EXTRACTED) {
            return;
        }
        RfqReview review = variables.review(execution);
        String reviewer = (String) execution.getVariable(ReviewVariables.REVIEWED_BY);
        List<DocumentDrafts.Line> lines = review.confirmed().stream()
                .map(line -> new DocumentDrafts.Line(line.productCode(), line.quantity(), null))
                .toList();
        DocumentDrafts.DraftCreated draft = drafts.draftFromDocument(document.id(), review.customerCode().strip(),
                lines, note(execution, document, review), reviewer,
                (String) execution.getVariable(ReviewVariables.REVIEWER_TEAM));
        documents.reviewed(document.id(), reviewer, draft.estimateId());
        execution.setVariable("estimateId", draft.estimateId());
        execution.setVariable("estimateNumber", draft.number());
    }

    public void discard(DelegateExecution execution) {
        DocumentRecord document = document(execution);
        if (document.status() == DocumentStatus.EXTRACTED) {
            documents.reviewed(document.id(), (String) execution.getVariable(ReviewVariables.REVIEWED_BY), null);
        }
    }

    private static String note(DelegateExecution execution, DocumentRecord document, RfqReview review) {
        Object number = execution.getVariable("documentNumber");
        String source = "From " + (number == null ? "" : number + ", ") + document.fileName();
        return review.comment() == null || review.comment().isBlank() ? source : source + ": " + review.comment();
    }

    private static ReviewLine reviewLine(ExtractedRfq.Line line) {
        String candidates = String.join(" · ", line.candidates().stream()
                .map(c -> c.productCode() + " " + c.name() + " (" + Math.round(c.score() * 100) + "%)").toList());
        return new ReviewLine(line.productCode() != null && line.confidence() >= RfqExtractor.CONFIRM_THRESHOLD,
                line.productCode(), line.productName(), line.read(), line.quantity(), line.unit(), line.confidence(),
                candidates);
    }

    private List<OcrWord> words(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<OcrWord>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored OCR words cannot be read", e);
        }
    }

    private DocumentRecord document(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable(ReviewVariables.DOCUMENT_ID));
        return documents.find(id).orElseThrow(() -> new IllegalStateException("no document " + id));
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
