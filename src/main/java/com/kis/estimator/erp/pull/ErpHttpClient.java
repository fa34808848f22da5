package com.kis.estimator.erp.pull;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * Camel's HTTP client as the ERP routes need it: without the client's automatic retries (Apache HttpClient
 * repeats a 503 once by itself), so that each attempt is one request and the routes' redelivery policy is the
 * only retry there is.
 */
@Component("erpHttpClient")
class ErpHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
