package com.kis.estimator.platform.workflow;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the analysts' BPMN, DMN and form files live. A folder on disk, so that a changed model is deployed by a
 * restart without a rebuild; the build packs a copy into the application for machines without the folder.
 *
 * @param directory folder scanned recursively for {@code *.bpmn}, {@code *.dmn} and {@code *.form}; unset:
 *        {@code processes} in the working directory if it is there, else the packaged copy
 */
@ConfigurationProperties("kis.processes")
public record ProcessesProperties(Path directory) {
}
