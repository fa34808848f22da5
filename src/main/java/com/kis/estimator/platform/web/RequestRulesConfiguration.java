package com.kis.estimator.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rules every API request meets before its handler runs, after the permission check (order 0 by default):
 * a caller without the permission learns nothing more. A query parameter the operation does not declare
 * ({@link KnownQueryParameters}) and a body where it takes none ({@link NoBodyTaken}) are refused; paged lists'
 * {@code page}, {@code size} and {@code sort} are checked by {@link PageRules}, the largest page being
 * {@code spring.data.web.pageable.max-page-size}. Paged lists answer
 * {@code {"content": [...], "page": {"size", "number", "totalElements", "totalPages"}}}, a stable shape rather
 * than Spring's internal {@code PageImpl}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
class RequestRulesConfiguration implements WebMvcConfigurer {

    private final int maxPageSize;

    RequestRulesConfiguration(@Value("${spring.data.web.pageable.max-page-size:2000}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/**").order(10);
        registry.addInterceptor(new NoBodyTaken()).addPathPatterns("/api/**").order(11);
        registry.addInterceptor(new PageRules(maxPageSize)).addPathPatterns("/api/**").order(12);
    }
}
