package com.kis.estimator.erp.process;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kis.estimator.erp.settings.ErpProperties;
import com.kis.estimator.platform.settings.RuntimeSetting;
import com.kis.estimator.platform.settings.RuntimeSettingDeclarations;
import com.kis.estimator.platform.settings.RuntimeSettings;

/** Above which share of rejected rows (whole percent) an import waits for ops' review; changeable at runtime. */
@Component
class ReviewThreshold implements RuntimeSettingDeclarations {

    private final RuntimeSetting setting;
    private final RuntimeSettings settings;

    ReviewThreshold(ErpProperties properties, @org.springframework.context.annotation.Lazy RuntimeSettings settings) {
        this.setting = new RuntimeSetting("erp.review-threshold-percent",
                "Share of rejected rows (%) above which an ERP import waits for review by ops", 0, 100,
                properties.reviewThresholdPercent());
        this.settings = settings;
    }

    @Override
    public List<RuntimeSetting> settings() {
        return List.of(setting);
    }

    long percent() {
        return settings.value(setting);
    }
}
