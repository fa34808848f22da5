package com.kis.estimator.platform.settings;

import java.util.List;

/** A module's runtime settings, as a bean: {@link RuntimeSettings} collects them all. */
public interface RuntimeSettingDeclarations {

    List<RuntimeSetting> settings();
}
