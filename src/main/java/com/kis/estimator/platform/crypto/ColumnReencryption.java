package com.kis.estimator.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every encrypted value to the current key: plaintext from before encryption, and values under an old key
 * after a rotation. Runs at every start and on demand, in batches of its own transactions; a value already under
 * the current key is left alone, so running it again changes nothing.
 */
@Component
public class ColumnReencryption {

    private static final Logger log = LoggerFactory.getLogger(ColumnReencryption.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<EncryptedColumns> tables;

    ColumnReencryption(JdbcTemplate jdbc, TransactionTemplate transaction, List<EncryptedColumns> tables) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tables = tables;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart(ApplicationReadyEvent ready) {
        int moved = run(ready.getApplicationContext().getBean(ColumnCipher.class));
        if (moved > 0) {
            log.info("Re-encrypted {} rows under key '{}'", moved, ready.getApplicationContext()
                    .getBean(ColumnCipher.class).currentKey());
        }
    }

    /** Re-encrypts what needs it with {@code cipher}; returns the number of rows changed. */
    public int run(ColumnCipher cipher) {
        int moved = 0;
        for (EncryptedColumns table : tables) {
            moved += run(cipher, table);
        }
        return moved;
    }

    private int run(ColumnCipher cipher, EncryptedColumns table) {
        String columns = String.join(", ", table.columns());
        String current = ColumnCipher.PREFIX + cipher.currentKey() + ":%";
        String stale = String.join(" OR ", table.columns().stream()
                .map(column -> "(" + column + " IS NOT NULL AND " + column + " NOT LIKE '" + current + "')").toList());
        String indexMissing = table.blindIndex() == null ? ""
                : " OR " + table.blindIndex().indexColumn() + " IS NULL";
        int moved = 0;
        int batch;
        do {
            batch = transaction.execute(status -> {
                List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, " + columns + " FROM " + table.table()
                        + " WHERE " + stale + indexMissing + " ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE");
                for (Map<String, Object> row : rows) {
                    List<Object> values = new ArrayList<>();
                    StringBuilder set = new StringBuilder();
                    for (String column : table.columns()) {
                        set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ?");
                        values.add(cipher.encrypt(cipher.decrypt((String) row.get(column))));
                    }
                    if (table.blindIndex() != null) {
                        set.append(", ").append(table.blindIndex().indexColumn()).append(" = ?");
                        values.add(cipher.blindIndex(cipher.decrypt((String) row.get(table.blindIndex().sourceColumn()))));
                    }
                    values.add(row.get("id"));
                    jdbc.update("UPDATE " + table.table() + " SET " + set + " WHERE id = ?", values.toArray());
                }
                return rows.size();
            });
            moved += batch;
        } while (batch == BATCH);
        return moved;
    }
}
