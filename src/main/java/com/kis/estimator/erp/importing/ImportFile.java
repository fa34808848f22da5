package com.kis.estimator.erp.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The records of one import file, streamed. CSV only for now: the encoding is detected unless the source names
 * one. An empty file, or one with a header and no rows, is refused: as a full snapshot it would mean "the ERP
 * dropped everything", which is never what happened.
 */
public final class ImportFile implements AutoCloseable {

    private final BufferedReader reader;
    private final Charset charset;
    private final CsvRecords records;
    private final HeaderMapping header;

    private ImportFile(BufferedReader reader, Charset charset, ImportType type) {
        this.reader = reader;
        this.charset = charset;
        this.records = new CsvRecords(reader);
        if (!records.hasNext()) {
            throw new ImportRejected(0, null, "the file is empty");
        }
        this.header = HeaderMapping.of(type, records.next());
        if (!records.hasNext()) {
            throw new ImportRejected(0, null, "the file has a header but no rows");
        }
    }

    /** @param encoding the file's encoding, or null to detect it */
    public static ImportFile open(Path file, ImportType type, Charset encoding) {
        Charset charset = encoding != null ? encoding : CsvEncoding.detect(() -> stream(file));
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream(file), charset), 64 * 1024);
        try {
            return new ImportFile(reader, charset, type);
        } catch (RuntimeException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    /** The encoding the file is read in, named or detected. */
    public Charset charset() {
        return charset;
    }

    public HeaderMapping header() {
        return header;
    }

    public Iterator<CsvRecords.Record> rows() {
        return records;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(BufferedReader reader, RuntimeException failure) {
        try {
            reader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
