package com.kis.estimator.ai.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import com.kis.estimator.ai.model.SavedModelWriter;

/**
 * One SavedModel loaded into DJL's TensorFlow engine, with a fixed set of predictors: a predictor is not
 * thread-safe, so each call borrows one and gives it back. Loading warms the model up with one prediction, so
 * the first real request does not pay for TensorFlow's graph preparation.
 */
public final class DjlWinModel implements AutoCloseable {

    static {
        // the natives come from the classpath (native/lib/tensorflow.properties); never look on the internet
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final ZooModel<float[][], float[]> model;
    private final BlockingQueue<Predictor<float[][], float[]>> predictors;

    private DjlWinModel(ZooModel<float[][], float[]> model, int predictors) {
        this.model = model;
        this.predictors = new ArrayBlockingQueue<>(predictors);
        for (int i = 0; i < predictors; i++) {
            this.predictors.add(model.newPredictor());
        }
    }

    /**
     * @param features the width of a row, to warm the model up with
     * @throws ModelUnusable when TensorFlow cannot load or run the graph
     */
    public static DjlWinModel load(Path directory, int predictors, int features) {
        Criteria<float[][], float[]> criteria = Criteria.builder()
                .setTypes(float[][].class, float[].class)
                .optModelPath(directory)
                .optEngine("TensorFlow")
                .optOption("Tags", SavedModelWriter.TAG)
                .optOption("SignatureDefKey", SavedModelWriter.SIGNATURE)
                .optTranslator(new RowsTranslator())
                .build();
        DjlWinModel loaded;
        try {
            loaded = new DjlWinModel(criteria.loadModel(), predictors);
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new ModelUnusable("TensorFlow cannot load the model in " + directory + ": " + e.getMessage(), e);
        }
        try {
            loaded.predict(new float[1][features]);
        } catch (RuntimeException e) {
            loaded.close();
            throw new ModelUnusable("the model in " + directory + " does not run: " + e.getMessage(), e);
        }
        return loaded;
    }

    /** One probability per row. */
    public float[] predict(float[][] rows) {
        Predictor<float[][], float[]> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try {
            return predictor.predict(rows);
        } catch (TranslateException e) {
            throw new ModelUnusable("prediction failed: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
    }
}
