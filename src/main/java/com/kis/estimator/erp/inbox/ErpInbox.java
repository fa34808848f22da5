package com.kis.estimator.erp.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.importing.CsvEncoding;
import com.kis.estimator.erp.importing.ImportRejected;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.process.FileTooLarge;
import com.kis.estimator.erp.process.ImportRequest;
import com.kis.estimator.erp.process.ImportRequests;
import com.kis.estimator.erp.run.ImportRun;

/**
 * What the inbox route calls: {@code checksum} for the idempotent consumer, then {@code accept} for a file not
 * seen before or {@code duplicate} for one that was. The import type is the folder the file was dropped in.
 */
@Component("erpInbox")
class ErpInbox {

    private static final Logger log = LoggerFactory.getLogger(ErpInbox.class);
    static final String CHECKSUM = "kisChecksum";

    private final ImportRequests requests;
    private final ProcessedFiles processed;
    private final InboxReports reports;
    private final InboxProperties properties;

    ErpInbox(ImportRequests requests, ProcessedFiles processed, InboxReports reports, InboxProperties properties) {
        this.requests = requests;
        this.processed = processed;
        this.reports = reports;
        this.properties = properties;
    }

    public String checksum(Exchange exchange) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file(exchange)), sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void accept(Exchange exchange) {
        Path file = file(exchange);
        String name = name(exchange);
        String checksum = exchange.getIn().getHeader(CHECKSUM, String.class);
        ImportRequest request = new ImportRequest(type(exchange), "file", name, properties.fullSnapshot(),
                encoding(), "erp-inbox");
        try (InputStream in = Files.newInputStream(file)) {
            ImportRun run = requests.request(request, in);
            processed.link(checksum, name, run.importId());
            log.info("ERP inbox: {} taken as import {}", name, run.importId());
        } catch (ImportRejected e) {
            refuse(file, name, checksum, (e.line() > 0 ? "line " + e.line() + ": " : "") + e.getMessage());
        } catch (FileTooLarge e) {
            refuse(file, name, checksum, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void duplicate(Exchange exchange) {
        String checksum = exchange.getIn().getHeader(CHECKSUM, String.class);
        String name = name(exchange);
        processed.first(checksum).ifPresent(first -> reports.duplicate(file(exchange), name, checksum, first));
        log.info("ERP inbox: {} was received before (SHA-256 {}), not imported again", name, checksum);
    }

    /** A refused file is forgotten: once fixed under the same content it could never come back otherwise. */
    private void refuse(Path file, String name, String checksum, String reason) {
        processed.remove(checksum);
        reports.refused(file, name, reason);
        log.warn("ERP inbox: {} refused: {}", name, reason);
    }

    private static ImportType type(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String folder = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        return ImportType.valueOf(folder.toUpperCase(Locale.ROOT));
    }

    private static String name(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    }

    private static Path file(Exchange exchange) {
        return exchange.getIn().getBody(java.io.File.class).toPath();
    }

    private Charset encoding() {
        return CsvEncoding.named(properties.encoding());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
