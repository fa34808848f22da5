package com.kis.estimator.ai.serving;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Feature rows in, probabilities out. No batchifier: the rows already are the batch, and DJL's default one
 * would stack {@code [rows, n]} into {@code [1, rows, n]}, which the graph's input does not take.
 */
final class RowsTranslator implements NoBatchifyTranslator<float[][], float[]> {

    @Override
    public NDList processInput(TranslatorContext context, float[][] rows) {
        return new NDList(context.getNDManager().create(rows));
    }

    @Override
    public float[] processOutput(TranslatorContext context, NDList output) {
        return output.singletonOrThrow().toFloatArray();
    }
}
