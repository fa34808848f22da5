package com.kis.estimator.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;

/**
 * Paged lists answer {@code {"content": [...], "page": {"size", "number", "totalElements", "totalPages"}}}, a
 * stable shape rather than Spring's internal {@code PageImpl}. Page size is capped by
 * {@code spring.data.web.pageable.max-page-size}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
class PagingConfiguration {
}
