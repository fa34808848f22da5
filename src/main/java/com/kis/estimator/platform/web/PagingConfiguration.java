package com.kis.estimator.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paged lists answer {@code {"content": [...], "page": {"size", "number", "totalElements", "totalPages"}}}, a
 * stable shape rather than Spring's internal {@code PageImpl}. Their {@code page}, {@code size} and {@code sort}
 * are checked by {@link PageRules}; the largest page is {@code spring.data.web.pageable.max-page-size}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
class PagingConfiguration implements WebMvcConfigurer {

    private final int maxPageSize;

    PagingConfiguration(@Value("${spring.data.web.pageable.max-page-size:2000}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the permission check (order 0 by default): a caller without the permission learns nothing more
        registry.addInterceptor(new PageRules(maxPageSize)).addPathPatterns("/api/**").order(10);
    }
}
