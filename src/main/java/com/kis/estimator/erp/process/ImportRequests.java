package com.kis.estimator.erp.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.kis.estimator.erp.importing.ImportFile;
import com.kis.estimator.erp.importing.XlsxToCsv;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.settings.ErpProperties;

/**
 * Takes an import in: the file is copied into the work directory (size limit and SHA-256 on the way; an XLSX
 * workbook becomes CSV there), its encoding and header are checked at once (a file that cannot be an import is refused before anything is
 * recorded), then the run is recorded and its erp-import process started, in one transaction.
 */
@Component
public class ImportRequests {

    private final ImportRuns runs;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final ErpProperties properties;

    ImportRequests(ImportRuns runs, RuntimeService runtime, TransactionTemplate transaction, ErpProperties properties) {
        this.runs = runs;
        this.runtime = runtime;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * @throws FileTooLarge over the size limit
     * @throws com.kis.estimator.erp.importing.ImportRejected not an import file (encoding, header, empty)
     */
    public ImportRun request(ImportRequest request, InputStream content) {
        Received upload = receive(content);
        Path workFile = upload.file();
        try {
            Charset encoding = request.encoding();
            if (XlsxToCsv.isXlsx(upload.file())) {
                workFile = upload.file().resolveSibling(UUID.randomUUID() + ".csv");
                XlsxToCsv.convert(upload.file(), workFile, properties.maxSharedStrings().toBytes());
                deleteQuietly(upload.file());
                encoding = StandardCharsets.UTF_8;
            }
            try (ImportFile file = ImportFile.open(workFile, request.type(), encoding)) {
                // opening it reads the encoding and the header; the rows are the process's
                encoding = file.charset();
            }
            Path staged = workFile;
            Charset detected = encoding;
            return transaction.execute(status -> {
                ImportRun run = runs.start(request.source(), request.channel(), request.fileName(), upload.checksum(),
                        upload.size(), request.fullSnapshot(), request.requestedBy());
                ProcessInstance instance = runtime.createMessageCorrelation(ImportVariables.MESSAGE)
                        .processInstanceBusinessKey(run.importId().toString())
                        .setVariables(variables(request, run, staged, detected))
                        .correlateStartMessage();
                runs.attachProcess(run.importId(), instance.getId());
                return runs.find(run.importId()).orElseThrow();
            });
        } catch (RuntimeException e) {
            deleteQuietly(upload.file());
            deleteQuietly(workFile);
            throw e;
        }
    }

    private record Received(Path file, String checksum, long size) {
    }

    /** The encoding detected here is handed on: staging need not read the whole file again to find it. */
    private Map<String, Object> variables(ImportRequest request, ImportRun run, Path workFile, Charset encoding) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ImportVariables.IMPORT_ID, run.importId().toString());
        variables.put(ImportVariables.SOURCE, request.source());
        variables.put(ImportVariables.CHANNEL, request.channel());
        variables.put(ImportVariables.FILE_NAME, request.fileName());
        variables.put(ImportVariables.WORK_FILE, workFile.toString());
        variables.put(ImportVariables.FULL_SNAPSHOT, request.fullSnapshot());
        variables.put("lockRetry", properties.lockRetry());
        variables.put(ImportVariables.AWAITED_BY, request.awaitedBy());
        variables.put(ImportVariables.ENCODING, encoding.name());
        return variables;
    }

    /** Copies the content to {@code <work dir>/imports/<random>.csv}, refusing it beyond the size limit. */
    private Received receive(InputStream content) {
        long max = properties.maxFileSize().toBytes();
        Path file;
        try {
            Path dir = Files.createDirectories(properties.workDir().resolve("imports"));
            file = dir.resolve(UUID.randomUUID() + ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                size += read;
                if (size > max) {
                    throw new FileTooLarge(max);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            return new Received(file, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            deleteQuietly(file);
            if (e instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover upload in the work directory harms nothing
        }
    }
}
