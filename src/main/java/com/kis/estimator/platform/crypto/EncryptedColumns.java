package com.kis.estimator.platform.crypto;

import java.util.List;

/**
 * A table with encrypted columns, declared by the module that owns it, so that {@link ColumnReencryption} can move
 * its values to the current key.
 *
 * @param table     schema-qualified table
 * @param columns   the encrypted columns
 * @param blindIndex optional: a column holding the blind index of another (source → index), recomputed on the way
 */
public record EncryptedColumns(String table, List<String> columns, BlindIndex blindIndex) {

    public record BlindIndex(String sourceColumn, String indexColumn) {
    }
}
