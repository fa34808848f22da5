package com.kis.estimator.ai.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.model.ModelArtifacts;

@Configuration
class AiConfiguration {

    @Bean
    ModelArtifacts modelArtifacts(AiProperties properties, ObjectMapper json) {
        return new ModelArtifacts(properties.modelDir(), json);
    }
}
