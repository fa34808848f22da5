package com.kis.estimator.platform.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Current values of the declared runtime settings. Overrides live in {@code shared.system_configs}; every instance
 * rereads them at most every 30 seconds, so a change reaches all instances within that time. When the table
 * cannot be read, the last known values (or the defaults) stay in force.
 */
@Component
public class RuntimeSettings {

    private static final Logger log = LoggerFactory.getLogger(RuntimeSettings.class);
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, RuntimeSetting> declared;
    private volatile Map<String, String> overrides = Map.of();
    private volatile Instant readAt = Instant.MIN;

    RuntimeSettings(JdbcTemplate jdbc, Clock clock, List<RuntimeSettingDeclarations> declarations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.declared = declarations.stream().flatMap(module -> module.settings().stream())
                .collect(Collectors.toUnmodifiableMap(RuntimeSetting::key, Function.identity()));
    }

    public long value(RuntimeSetting setting) {
        String override = current().get(setting.key());
        if (override != null) {
            try {
                long value = Long.parseLong(override);
                if (setting.accepts(value)) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // written behind the application's back; the default applies
            }
        }
        return setting.defaultValue();
    }

    public Optional<RuntimeSetting> declaration(String key) {
        return Optional.ofNullable(declared.get(key));
    }

    public List<RuntimeSetting> declarations() {
        return declared.values().stream().sorted(java.util.Comparator.comparing(RuntimeSetting::key)).toList();
    }

    /** Stores an override (validated by the caller) and makes it current on this instance at once. */
    @Transactional
    public void set(RuntimeSetting setting, long value, String user) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE shared.system_configs SET config_value = ?, updated_by = ?, updated_at = ? "
                + "WHERE config_key = ?", Long.toString(value), user, now, setting.key()) == 0) {
            jdbc.update("INSERT INTO shared.system_configs (config_key, config_value, updated_by, updated_at) "
                    + "VALUES (?, ?, ?, ?)", setting.key(), Long.toString(value), user, now);
        }
        readAt = Instant.MIN;
    }

    /** Drops an override: the configured default applies again. */
    @Transactional
    public void reset(RuntimeSetting setting) {
        jdbc.update("DELETE FROM shared.system_configs WHERE config_key = ?", setting.key());
        readAt = Instant.MIN;
    }

    public Optional<Override> override(RuntimeSetting setting) {
        return jdbc.query("SELECT config_value, updated_by, updated_at FROM shared.system_configs WHERE config_key = ?",
                (rs, n) -> new Override(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                setting.key()).stream().findFirst();
    }

    private Map<String, String> current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            try {
                Map<String, String> read = new ConcurrentHashMap<>();
                jdbc.query("SELECT config_key, config_value FROM shared.system_configs",
                        rs -> { read.put(rs.getString(1), rs.getString(2)); });
                overrides = Map.copyOf(read);
            } catch (DataAccessException e) {
                log.warn("Runtime settings not refreshed, keeping the last known values: {}", e.getMessage());
            }
            readAt = now;
        }
        return overrides;
    }

    /** An administrator's override of a setting. */
    public record Override(String value, String updatedBy, Instant updatedAt) {
    }
}
