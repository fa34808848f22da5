package com.kis.estimator.platform.web;

import java.io.IOException;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as the OpenAPI document types them, with nothing guessed:
 * <ul>
 * <li>a property the request type does not have is refused: a misspelt optional field ({@code "discountRte"})
 * would otherwise be dropped and its default used without a word;</li>
 * <li>no scalar becomes another: {@code "name": false} is not the text "false", {@code "quantity": "5"} not the
 * number 5, {@code "approval": 1} not true, {@code ""} not null;</li>
 * <li>a scalar or array where an object is expected, and a {@code null} body, are refused.</li>
 * </ul>
 * Only the HTTP API reads this way; the application's shared {@link ObjectMapper} (ERP payloads, stored model
 * files, process variables) keeps Jackson's lenient defaults.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

    static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(strict(jackson.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper lenient) {
        ObjectMapper strict = lenient.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        strict.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        strict.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        refuse(strict, LogicalType.Textual, CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(strict, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.Float);
        // an integer is a valid decimal (1000000 is a price); a decimal is no integer (1.5 lines)
        refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(strict, LogicalType.POJO, CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Array);
        refuse(strict, LogicalType.DateTime, CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float);
        strict.registerModule(new SimpleModule("kis-text").addDeserializer(String.class, new TextWithoutNul()));
        return strict;
    }

    /**
     * PostgreSQL's text cannot hold U+0000: a NUL in any text field is refused at the door, with the field's path,
     * instead of failing the INSERT with a 500 (found by ApiFuzzTest in a training reason).
     */
    private static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, NUL_REFUSED, text, String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
