package com.kis.estimator.estimate.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out estimate numbers {@code EST-YYYY-NNNNNN} from a database sequence: unique across replicas without a
 * lock. The year is the year of creation; the running number does not restart each year (a sequence that must
 * restart would need a lock), and grows past six digits after 999,999 estimates.
 */
@Component
public class EstimateNumbers {

    private final JdbcTemplate jdbc;
    private final String nextValueSql;

    EstimateNumbers(DataSource dataSource) throws SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            this.nextValueSql = postgres ? "SELECT nextval('estimator.estimate_number_seq')"
                    : "SELECT NEXT VALUE FOR estimator.estimate_number_seq";
        }
    }

    public String next(LocalDate today) {
        long value = jdbc.queryForObject(nextValueSql, Long.class);
        return "EST-%d-%06d".formatted(today.getYear(), value);
    }
}
