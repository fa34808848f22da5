package com.kis.estimator.platform.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Where the BPMN, DMN and form files deployed at start come from: the analysts' {@code processes/} folder when
 * there is one, else the copies the build packed into the application (so {@code java -jar} starts anywhere, with
 * the models it was built and tested with). A folder named in {@code kis.processes.directory} must exist: a typo
 * there must not quietly deploy the packaged models instead.
 *
 * <p>Both sources name a file by its path below {@code processes/} ({@code estimate-approval.bpmn},
 * {@code forms/approval.form}), so the same file deployed from either is a duplicate Camunda skips.
 */
final class ProcessModelSource {

    /** The folder looked for in the working directory when none is configured; also the jar's copy of it. */
    static final String DEFAULT_FOLDER = "processes";
    private static final Set<String> DEPLOYABLE = Set.of(".bpmn", ".dmn", ".form");

    private final Path folder;
    private final ResourcePatternResolver packaged;

    private ProcessModelSource(Path folder, ResourcePatternResolver packaged) {
        this.folder = folder;
        this.packaged = packaged;
    }

    static ProcessModelSource of(ProcessesProperties properties, ResourcePatternResolver resources) {
        if (properties.directory() != null) {
            Path configured = properties.directory().toAbsolutePath().normalize();
            if (!Files.isDirectory(configured)) {
                throw new IllegalStateException("Process folder " + configured + " (kis.processes.directory) does"
                        + " not exist; leave the setting out to deploy the models packaged in the application");
            }
            return new ProcessModelSource(configured, null);
        }
        Path working = Path.of(DEFAULT_FOLDER).toAbsolutePath().normalize();
        return Files.isDirectory(working) ? new ProcessModelSource(working, null) : new ProcessModelSource(null, resources);
    }

    /** For the log: the folder, or that the packaged copies are used. */
    String describe() {
        return folder != null ? folder.toString() : "the application (" + DEFAULT_FOLDER + "/ packaged at build)";
    }

    /** Deployable files by resource name, in a stable order. */
    SortedMap<String, byte[]> read() {
        try {
            return folder != null ? fromFolder() : fromPackage();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process models from " + describe(), e);
        }
    }

    private SortedMap<String, byte[]> fromFolder() throws IOException {
        SortedMap<String, byte[]> models = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(file -> deployable(file.toString())).toList()) {
                models.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return models;
    }

    private SortedMap<String, byte[]> fromPackage() throws IOException {
        SortedMap<String, byte[]> models = new TreeMap<>();
        Resource root = packaged.getResource("classpath:" + DEFAULT_FOLDER + "/");
        if (!root.exists()) {
            return models;
        }
        String rootUrl = root.getURL().toString();
        for (Resource model : packaged.getResources("classpath:" + DEFAULT_FOLDER + "/**/*.*")) {
            String url = model.getURL().toString();
            if (url.startsWith(rootUrl) && deployable(url) && model.isReadable()) {
                try (var in = model.getInputStream()) {
                    models.put(url.substring(rootUrl.length()), in.readAllBytes());
                }
            }
        }
        return models;
    }

    private static boolean deployable(String name) {
        return DEPLOYABLE.stream().anyMatch(name::endsWith);
    }
}
