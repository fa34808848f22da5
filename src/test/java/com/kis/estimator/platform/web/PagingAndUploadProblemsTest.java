package com.kis.estimator.platform.web;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;

/**
 * The inputs that were 500s (issue 20): paging beyond an int offset, sort text that reached the query, a cut-off
 * multipart body. Each is a 400 problem now, and a caller without the permission still meets its 403 first.
 */
@PostgresIntegrationTest
class PagingAndUploadProblemsTest {

    private static final String INVALID = "/problems/invalid-parameter";

    @Autowired TestRestTemplate anonymous;

    @Test
    void pagesSizesAndSortsOutsideTheRulesAreRefusedOnEveryList() {
        TestRestTemplate admin = JsonHttp.signedIn(anonymous, "admin");
        for (String list : new String[] {"estimates", "products", "customers"}) {
            assertProblem(get(admin, list + "?page=107374183"), HttpStatus.BAD_REQUEST, INVALID, "page");
            assertProblem(get(admin, list + "?page=-1"), HttpStatus.BAD_REQUEST, INVALID, "page");
            assertProblem(get(admin, list + "?size=0"), HttpStatus.BAD_REQUEST, INVALID, "size");
            assertProblem(get(admin, list + "?size=201"), HttpStatus.BAD_REQUEST, INVALID, "size");
            assertProblem(get(admin, list + "?size=x"), HttpStatus.BAD_REQUEST, INVALID, "size");
            for (String sort : new String[] {"%25", "_", "AAA", "0.0", "a%60", "name;drop", ",desc"}) {
                assertProblem(get(admin, list + "?sort=" + sort), HttpStatus.BAD_REQUEST, INVALID, "sort");
            }
        }
        assertThat(get(admin, "customers?sort=name,desc&size=200&page=0").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(admin, "products?sort=listPrice&sort=code,asc").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode estimates = get(admin, "estimates?sort=total,desc&page=1000000").getBody();
        assertThat(estimates.path("content")).isEmpty();
    }

    @Test
    void aCutOffMultipartBodyIsABadRequestAfterThePermissionCheck() {
        TestRestTemplate admin = JsonHttp.signedIn(anonymous, "admin");
        TestRestTemplate sales = JsonHttp.signedIn(anonymous, "sales1");
        for (String upload : new String[] {"erp/import?type=products", "ocr/process", "ai/history"}) {
            assertProblem(cutOff(admin, upload), HttpStatus.BAD_REQUEST, "/problems/malformed-request");
        }
        assertProblem(cutOff(sales, "erp/import?type=products"), HttpStatus.FORBIDDEN, "/problems/forbidden");
        assertProblem(cutOff(sales, "ai/history"), HttpStatus.FORBIDDEN, "/problems/forbidden");
    }

    private static ResponseEntity<JsonNode> get(TestRestTemplate http, String path) {
        return http.getForEntity("/api/v1/" + path, JsonNode.class);
    }

    /** A part that never ends: no closing boundary. */
    private static ResponseEntity<JsonNode> cutOff(TestRestTemplate http, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=XYZ"));
        byte[] body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"
                .getBytes(StandardCharsets.UTF_8);
        return http.postForEntity("/api/v1/" + path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
