package com.kis.estimator.ai.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.serving.ModelUnusable;
import com.kis.estimator.ai.training.Evaluation;
import com.kis.estimator.ai.training.Normalization;
import com.kis.estimator.ai.training.WinModelParameters;

/**
 * Model artifacts on disk: {@code <root>/<name>/v<version>/} with {@code saved_model.pb}, an empty
 * {@code variables/} and {@code model.json}. The checksum is the SHA-256 of the graph followed by the JSON, so
 * neither can change unnoticed: an artifact whose checksum does not match the registry's is refused.
 */
public final class ModelArtifacts {

    public static final String FRAMEWORK = "tensorflow-savedmodel";
    static final String MODEL_JSON = "model.json";

    private final Path root;
    private final ObjectMapper json;

    public ModelArtifacts(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    public record Written(Path path, String checksum) {
    }

    public Written write(String name, int version, WinModelParameters model, Evaluation evaluation, int trainingRows,
            boolean synthetic) {
        Path directory = root.resolve(name).resolve("v" + version);
        try {
            SavedModelWriter.write(model, directory);
            ModelFile file = new ModelFile(name, version, model.schema(), model.normalization().mean(),
                    model.normalization().scale(), model.weights(), model.bias(), evaluation, trainingRows, synthetic);
            json.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(MODEL_JSON).toFile(), file);
            return new Written(directory, checksum(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + directory, e);
        }
    }

    /**
     * The parameters of the artifact in {@code directory}.
     *
     * @throws ModelUnusable when the files are missing or unreadable, or do not match {@code expectedChecksum}
     */
    public ModelFile read(Path directory, String expectedChecksum) {
        String actual;
        try {
            actual = checksum(directory);
        } catch (IOException e) {
            throw new ModelUnusable("the model in " + directory + " cannot be read: " + e.getMessage(), e);
        }
        if (!actual.equals(expectedChecksum)) {
            throw new ModelUnusable("the model in " + directory + " has checksum " + actual + ", the registry says "
                    + expectedChecksum + ": it was changed or damaged after training");
        }
        try {
            return json.readValue(directory.resolve(MODEL_JSON).toFile(), ModelFile.class);
        } catch (IOException e) {
            throw new ModelUnusable("the description of the model in " + directory + " cannot be read", e);
        }
    }

    public static WinModelParameters parameters(ModelFile file) {
        return new WinModelParameters(file.schema(), new Normalization(file.mean(), file.scale()), file.weights(),
                file.bias());
    }

    static String checksum(Path directory) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(directory.resolve(SavedModelWriter.FILE)));
            sha.update(Files.readAllBytes(directory.resolve(MODEL_JSON)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
