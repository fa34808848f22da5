package com.kis.estimator.ai.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Every model trained, newest first, and which version serves ({@code "none"} before the first). */
record ModelsView(
        @Schema(description = "The version that serves, or \"none\"", anyOf = {Integer.class, String.class},
                example = "3")
        Object serving,
        List<ModelView> models) {
}
