package com.kis.estimator.security.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import com.kis.estimator.PostgresIntegrationTest;

/**
 * Tasklist opens with several requests at once, each handing the same Keycloak user to Camunda: mirrored
 * concurrently, the user's row was updated twice at the same moment and some of those first requests failed (the
 * filters did not load). Eight at once here, each with a name Keycloak changed, on the real PostgreSQL.
 */
@PostgresIntegrationTest
class KeycloakWebappUserTest {

    @Autowired ProcessEngine engine;

    @Test
    void concurrentRequestsOfOneUserMirrorItWithoutFailing() throws Exception {
        String id = "mirror-" + Long.toString(System.nanoTime(), 36);
        KeycloakWebappUser provider = new KeycloakWebappUser();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthenticationResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "이름" + i;
            results.add(threads.submit(() -> {
                var token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", id,
                        "preferred_username", id, "given_name", name, "groups", List.of("sales", "team-seoul")));
                SecurityContextHolder.getContext().setAuthentication(
                        new TestingAuthenticationToken(new DefaultOidcUser(List.of(), token), null, "ROLE_sales"));
                start.await();
                try {
                    return provider.extractAuthenticatedUser(null, engine);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        for (Future<AuthenticationResult> result : results) {
            assertThat(result.get().isAuthenticated()).isTrue();
        }
        threads.shutdown();

        var identity = engine.getIdentityService();
        assertThat(identity.createUserQuery().userId(id).singleResult().getFirstName()).startsWith("이름");
        assertThat(identity.createGroupQuery().groupMember(id).list()).extracting(group -> group.getId())
                .containsExactlyInAnyOrder("sales", "team-seoul");
    }
}
