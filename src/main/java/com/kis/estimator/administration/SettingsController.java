package com.kis.estimator.administration;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.platform.settings.RuntimeSetting;
import com.kis.estimator.platform.settings.RuntimeSettings;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.CurrentUser;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/admin/settings")
@Tag(name = "administration")
@RequiresPermission(Permission.ADMIN)
class SettingsController {

    private final RuntimeSettings settings;
    private final AuditTrail audit;
    private final CurrentUser user;

    SettingsController(RuntimeSettings settings, AuditTrail audit, CurrentUser user) {
        this.settings = settings;
        this.audit = audit;
        this.user = user;
    }

    @GetMapping
    @Operation(summary = "Every runtime setting with its allowed range, default and current value")
    List<SettingView> list() {
        return settings.declarations().stream().map(this::view).toList();
    }

    @GetMapping("/{key}")
    SettingView read(@PathVariable String key) {
        return view(declared(key));
    }

    @PutMapping("/{key}")
    @ApiResponse(responseCode = "200", description = "Overridden")
    @ApiResponse(responseCode = "422", description = "The value is outside the setting's range")
    @Transactional
    @Operation(summary = "Override a setting; every instance applies it within 30 seconds. Audited")
    SettingView change(@PathVariable String key, @Valid @RequestBody NewValue request) {
        RuntimeSetting setting = declared(key);
        if (!setting.accepts(request.value())) {
            throw ApiProblemException.businessRule("value",
                    key + " must be between " + setting.min() + " and " + setting.max() + ", was " + request.value());
        }
        long before = settings.value(setting);
        settings.set(setting, request.value(), user.id());
        audit.record("config.change", key, before + "->" + request.value(), null);
        return view(setting);
    }

    @DeleteMapping("/{key}")
    @Transactional
    @Operation(summary = "Drop the override: the configured default applies again. Audited")
    ResponseEntity<Void> reset(@PathVariable String key) {
        RuntimeSetting setting = declared(key);
        long before = settings.value(setting);
        settings.reset(setting);
        audit.record("config.change", key, before + "->default " + setting.defaultValue(), null);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private RuntimeSetting declared(String key) {
        return settings.declaration(key).orElseThrow(() -> ApiProblemException.notFound("Setting", key));
    }

    private SettingView view(RuntimeSetting setting) {
        var override = settings.override(setting);
        return new SettingView(setting.key(), setting.description(), setting.min(), setting.max(),
                setting.defaultValue(), settings.value(setting), override.map(RuntimeSettings.Override::updatedBy).orElse(null),
                override.map(RuntimeSettings.Override::updatedAt).orElse(null));
    }

    record NewValue(@NotNull Long value) {
    }

    record SettingView(String key, String description, long min, long max, long defaultValue, long value,
            String updatedBy, Instant updatedAt) {
    }
}
