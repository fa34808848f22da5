package com.kis.estimator.platform.workflow;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analysts' BPMN, DMN and form files live. A folder on disk, not the classpath, so that a changed
 * model is deployed by a restart without a rebuild.
 *
 * @param directory folder scanned recursively for {@code *.bpmn}, {@code *.dmn} and {@code *.form}
 */
@ConfigurationProperties("kis.processes")
public record ProcessesProperties(@DefaultValue("processes") Path directory) {
}
