package com.kis.estimator.erp.staging;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.kis.estimator.erp.importing.CsvRecords;
import com.kis.estimator.erp.importing.ImportFile;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.importing.RowParser;
import com.kis.estimator.erp.importing.RowProblem;
import com.kis.estimator.erp.importing.RowReader;
import com.kis.estimator.erp.run.RejectionBatch;
import com.kis.estimator.erp.run.Rejections;

/**
 * Loads a file into its staging table: each valid row in bulk (COPY on PostgreSQL), each refused row into the
 * rejections with line, column and reason. A transaction of its own, whoever calls: a file that turns out
 * unreadable halfway (a truncated quote) leaves nothing staged, and staging again replaces what an earlier
 * attempt staged.
 */
@Component
public class ImportStaging {

    private static final int PROBLEM_BUFFER = 1000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RowParsers parsers;
    private final Rejections rejections;

    ImportStaging(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, RowParsers parsers,
            Rejections rejections) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.parsers = parsers;
        this.rejections = rejections;
    }

    /** @param encoding the file's encoding, or null to detect it */
    public StagedFile stage(UUID importId, ImportType type, Path file, Charset encoding) {
        return transaction.execute(status -> {
            discard(importId, type);
            try {
                return load(importId, type, file, encoding, DataSourceUtils.getConnection(dataSource));
            } catch (SQLException e) {
                throw new IllegalStateException("Staging import " + importId + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Empties the staging table of an import that ended; its rejections stay for the report. */
    public void discardStaged(UUID importId, ImportType type) {
        jdbc.update("DELETE FROM " + StagingTable.of(type).table() + " WHERE import_id = ?", importId);
    }

    private void discard(UUID importId, ImportType type) {
        discardStaged(importId, type);
        rejections.clear(importId);
    }

    /**
     * PostgreSQL takes no other statement on a connection while a COPY runs, so refused rows wait in a small
     * buffer; when it fills, the COPY ends, the rejections are written and the next valid row starts a new COPY.
     */
    private StagedFile load(UUID importId, ImportType type, Path path, Charset encoding, Connection connection)
            throws SQLException {
        RowParser parser = parsers.of(type);
        StagingTable table = StagingTable.of(type);
        List<RowProblem> problems = new ArrayList<>();
        long rows = 0;
        long staged = 0;
        StagingWriter writer = null;
        try (ImportFile file = ImportFile.open(path, type, encoding)) {
            RowReader reader = new RowReader(file.header());
            Iterator<CsvRecords.Record> records = file.rows();
            while (records.hasNext()) {
                CsvRecords.Record record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                rows++;
                Object[] values = parser.parse(reader.at(record));
                if (values != null) {
                    if (writer == null) {
                        writer = writerFor(connection, table, importId);
                    }
                    writer.write(record.line(), values);
                    staged++;
                } else {
                    problems.addAll(reader.problems());
                    if (problems.size() >= PROBLEM_BUFFER) {
                        if (writer != null) {
                            writer.close();
                            writer = null;
                        }
                        write(problems, connection, importId);
                    }
                }
            }
            if (writer != null) {
                writer.close();
                writer = null;
            }
            write(problems, connection, importId);
            return new StagedFile(rows, staged);
        } finally {
            if (writer != null) {
                writer.abort();
            }
        }
    }

    private void write(List<RowProblem> problems, Connection connection, UUID importId) throws SQLException {
        try (RejectionBatch batch = rejections.batch(connection, importId)) {
            for (RowProblem problem : problems) {
                batch.add(problem);
            }
        }
        problems.clear();
    }

    private static StagingWriter writerFor(Connection connection, StagingTable table, UUID importId)
            throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                ? PostgresCopyWriter.open(connection, table, importId)
                : JdbcBatchWriter.open(connection, table, importId);
    }

    /** ERPs end files with empty lines, or separate blocks with them; they are not rows. */
    private static boolean isBlank(CsvRecords.Record record) {
        return record.cells().stream().allMatch(String::isBlank);
    }
}
