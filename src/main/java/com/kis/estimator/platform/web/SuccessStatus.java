package com.kis.estimator.platform.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * springdoc documents 200 for every handler; the document must say what the handler really answers. A handler
 * that declares another 2xx with {@code @ApiResponse} (201, 202) never answers 200 unless it declares that too,
 * and one that answers {@code ResponseEntity<Void>} without declaring anything answers 204 No Content.
 */
final class SuccessStatus {

    private SuccessStatus() {
    }

    static void correct(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        boolean declaresOk = false;
        boolean declaresOtherSuccess = false;
        for (ApiResponse declared : handler.getMethod().getAnnotationsByType(ApiResponse.class)) {
            declaresOk |= declared.responseCode().equals("200");
            declaresOtherSuccess |= declared.responseCode().startsWith("2") && !declared.responseCode().equals("200");
        }
        if (declaresOtherSuccess && !declaresOk) {
            responses.remove("200");
        } else if (!declaresOk && !declaresOtherSuccess && answersNothing(handler)) {
            responses.remove("200");
            responses.addApiResponse("204", new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description("Done; no content"));
        }
        // an error status the handler declares carries a problem, whatever return type springdoc put there
        for (ApiResponse declared : handler.getMethod().getAnnotationsByType(ApiResponse.class)) {
            var documented = responses.get(declared.responseCode());
            if (documented != null && declared.content().length == 0 && !declared.responseCode().startsWith("2")) {
                documented.setContent(null);
            }
        }
    }

    private static boolean answersNothing(HandlerMethod handler) {
        Type returned = handler.getMethod().getGenericReturnType();
        return returned instanceof ParameterizedType entity && entity.getRawType() == ResponseEntity.class
                && entity.getActualTypeArguments()[0] == Void.class;
    }
}
