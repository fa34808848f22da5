package com.kis.estimator.security.identity;

import java.util.Arrays;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.security.Permission;
import com.kis.estimator.security.Role;

/**
 * Writes the policy table of the code ({@link Role}) into {@code shared.roles} and {@code shared.permissions} at
 * start, adding and removing rows until they match; instances starting together converge on the same rows.
 */
@Component
class PolicyMirror {

    private final JdbcTemplate jdbc;

    PolicyMirror(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void mirror() {
        for (Role role : Role.values()) {
            if (jdbc.update("UPDATE shared.roles SET label = ? WHERE id = ?", role.label(), role.id()) == 0) {
                insertIgnoringRace("INSERT INTO shared.roles (id, label) VALUES (?, ?)", role.id(), role.label());
            }
            for (Permission permission : Permission.values()) {
                if (role.grants(permission)) {
                    if (jdbc.update("UPDATE shared.permissions SET needs_mfa = ? WHERE role_id = ? AND permission = ?",
                            permission.needsMfa(), role.id(), permission.code()) == 0) {
                        insertIgnoringRace("INSERT INTO shared.permissions (role_id, permission, needs_mfa) VALUES (?, ?, ?)",
                                role.id(), permission.code(), permission.needsMfa());
                    }
                } else {
                    jdbc.update("DELETE FROM shared.permissions WHERE role_id = ? AND permission = ?", role.id(),
                            permission.code());
                }
            }
        }
        String known = String.join(",", Arrays.stream(Role.values()).map(role -> "'" + role.id() + "'").toList());
        jdbc.update("DELETE FROM shared.roles WHERE id NOT IN (" + known + ")");
    }

    private void insertIgnoringRace(String sql, Object... values) {
        try {
            jdbc.update(sql, values);
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            // the same row, written by an instance starting at the same moment
        }
    }
}
