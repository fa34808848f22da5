package com.kis.estimator.erp.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.kis.estimator.erp.importing.RowProblem;

/** {@code erp_ai.erp_import_rejections}: the rows an import refused and why. */
@Repository
public class Rejections {

    private final JdbcTemplate jdbc;

    Rejections(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch on the caller's connection, for the problems found while staging. */
    public RejectionBatch batch(Connection connection, UUID importId) throws SQLException {
        return new RejectionBatch(connection, importId);
    }

    public void record(UUID importId, RowProblem problem) {
        jdbc.update("INSERT INTO erp_ai.erp_import_rejections (import_id, line, column_name, row_key, reason)"
                + " VALUES (?, ?, ?, ?, ?)", importId, problem.line(), problem.column(), problem.key(), problem.reason());
    }

    public void clear(UUID importId) {
        jdbc.update("DELETE FROM erp_ai.erp_import_rejections WHERE import_id = ?", importId);
    }

    /** How many distinct rows were refused. */
    public long rejectedRows(UUID importId) {
        Long rows = jdbc.queryForObject("SELECT COUNT(DISTINCT line) FROM erp_ai.erp_import_rejections"
                + " WHERE import_id = ? AND line > 0", Long.class, importId);
        return rows == null ? 0 : rows;
    }

    /** The first {@code limit} problems, by line. */
    public List<RowProblem> list(UUID importId, int limit) {
        return jdbc.query("SELECT line, column_name, row_key, reason FROM erp_ai.erp_import_rejections"
                + " WHERE import_id = ? ORDER BY line, column_name FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> new RowProblem(rs.getLong("line"), rs.getString("column_name"), rs.getString("row_key"),
                        rs.getString("reason")), importId);
    }
}
