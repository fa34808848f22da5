package com.kis.estimator.ocr.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ocr.document.DocumentIntake;
import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentTooLarge;
import com.kis.estimator.ocr.document.Documents;
import com.kis.estimator.ocr.document.SenderQuotaReached;
import com.kis.estimator.ocr.document.UnknownCustomer;
import com.kis.estimator.ocr.engine.OcrEngineUnavailable;
import com.kis.estimator.ocr.imaging.DocumentRefused;
import com.kis.estimator.ocr.process.RfqReview;
import com.kis.estimator.ocr.process.RfqReviews;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.validation.Valid;

/**
 * Customers' documents in, and what the OCR made of them. A document is accepted (202) once it is stored and
 * its pages checked; reading, extraction and the review run in the document-intake process.
 */
@RestController
@RequestMapping("/api/v1/ocr")
@Tag(name = "ocr")
class OcrController {

    private final DocumentIntake intake;
    private final Documents documents;
    private final RfqReviews reviews;
    private final ReviewLinks links;
    private final Callers callers;
    private final ObjectMapper json;

    OcrController(DocumentIntake intake, Documents documents, RfqReviews reviews, ReviewLinks links, Callers callers,
            ObjectMapper json) {
        this.intake = intake;
        this.documents = documents;
        this.reviews = reviews;
        this.links = links;
        this.callers = callers;
        this.json = json;
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @PostMapping(path = "/process", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Take in a customer's RFQ or PO (PDF, PNG, JPEG or TIFF) to be read, extracted and reviewed")
    @ApiResponse(responseCode = "202", description = "Taken in; statusUrl follows the reading")
    @ApiResponse(responseCode = "200", description = "The same file was taken in before: that document")
    @ApiResponse(responseCode = "422", description = "The file is no document the OCR can read (`document-refused`)")
    @ApiResponse(responseCode = "429", description = "The caller sent in kis.ocr.max-documents-per-sender-per-day "
            + "documents within 24 hours (`rate-limited`, with Retry-After)")
    ResponseEntity<DocumentAccepted> process(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String customerCode) {
        DocumentIntake.Received received;
        try {
            Caller caller = callers.current().orElseThrow();
            intake.checkSize(file.getSize());
            received = intake.receive(file.getBytes(), file.getOriginalFilename(), customerCode,
                    new DocumentIntake.Sender("api", caller.id(), caller.teams(), document -> canSee(caller, document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentTooLarge e) {
            throw new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        } catch (DocumentRefused e) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.DOCUMENT_REFUSED,
                    e.getMessage(), Map.of("errors", List.of(Map.of("field", "file", "message", e.getMessage()))));
        } catch (UnknownCustomer e) {
            throw ApiProblemException.unknownReference("customerCode", e.getMessage());
        } catch (SenderQuotaReached e) {
            throw ApiProblemException.quotaReached(e.getMessage(), e.retryAfter());
        } catch (OcrEngineUnavailable e) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    "Documents cannot be read on this server: " + e.getMessage());
        }
        DocumentAccepted body = DocumentAccepted.of(received.document(), received.duplicate());
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create(body.statusUrl())).body(body);
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @GetMapping("/documents")
    @Operation(summary = "The documents the caller uploaded, newest first: status, and the link to the review "
            + "while one waits (Tasklist) or the draft estimate it made")
    Page<DocumentSummary> mine(@PageableDefault(size = 20) @ParameterObject Pageable page) {
        String user = callers.current().orElseThrow().id();
        List<DocumentRecord> found = documents.receivedBy(user, (int) page.getOffset(), page.getPageSize());
        Map<UUID, String> reviewUrls = links.of(found);
        return new PageImpl<>(found.stream().map(d -> DocumentSummary.of(d, reviewUrls.get(d.id()))).toList(), page,
                documents.countReceivedBy(user));
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @GetMapping("/documents/{id}")
    @Operation(summary = "A document: status, pages, text, extracted fields and lines with confidence, timings, "
            + "and the link to its review while one waits")
    DocumentView document(@PathVariable UUID id) {
        DocumentRecord document = find(id);
        return DocumentView.of(document, documents.pages(id), extraction(document),
                links.of(List.of(document)).get(id));
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @GetMapping("/documents/{id}/file")
    @Operation(summary = "The original file, as received")
    @ApiResponse(responseCode = "200", description = "The file with its own media type", content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "image/png"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/tiff")})
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        DocumentRecord document = find(id);
        byte[] content = documents.file(document.checksum()).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .body(content);
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @GetMapping(path = "/documents/{id}/pages/{page}/image", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A page as read (cleaned and straightened), reduced for viewing")
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int page) {
        find(id);
        return documents.preview(id, page).map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
                .orElseThrow(() -> ApiProblemException.notFound("Page", page));
    }

    @RequiresPermission(Permission.DOCUMENTS)
    @PostMapping("/documents/{id}/review")
    @Operation(summary = "Complete the review: make a draft estimate of the confirmed lines, or discard the document")
    @ApiResponse(responseCode = "202", description = "Reviewed; the process makes the draft or discards the document")
    @ApiResponse(responseCode = "409", description = "The document is not waiting for review")
    @ApiResponse(responseCode = "422", description = "A confirmed line or the customer names something that does not exist (`unknown-reference`)")
    ResponseEntity<DocumentAccepted> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        find(id);
        Caller caller = callers.current().orElseThrow();
        reviews.submit(id, caller.id(), caller.groups(),
                new RfqReview(request.decision(), request.customerCode(), request.lines(), request.comment()));
        DocumentAccepted body = DocumentAccepted.of(find(id), false);
        return ResponseEntity.accepted().location(URI.create(body.statusUrl())).body(body);
    }

    /** 404 unless it exists and the caller may see it: its sender, their team, ops and admin (issue 23). */
    private DocumentRecord find(UUID id) {
        Caller caller = callers.current().orElseThrow();
        return documents.find(id).filter(document -> canSee(caller, document))
                .orElseThrow(() -> ApiProblemException.notFound("Document", id));
    }

    private static boolean canSee(Caller caller, DocumentRecord document) {
        return caller.canSee(document.receivedBy(), document.sharedWith());
    }

    private JsonNode extraction(DocumentRecord document) {
        if (document.extraction() == null) {
            return null;
        }
        try {
            return json.readTree(document.extraction());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extraction of " + document.id() + " cannot be read", e);
        }
    }
}
