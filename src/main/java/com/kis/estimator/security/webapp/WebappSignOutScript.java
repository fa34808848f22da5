package com.kis.estimator.security.webapp;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.security.NoPermissionNeeded;

/**
 * The webapps' sign-out with Keycloak: the custom script every webapp loads (config.js, customScripts) sends
 * "Log out" to /logout, which ends the application's session and Keycloak's. The embedded default serves the
 * static script of the same path, which changes nothing.
 */
@RestController
@ConditionalOnProperty(name = "kis.security.identity", havingValue = "KEYCLOAK")
class WebappSignOutScript {

    private final byte[] script;

    WebappSignOutScript() throws IOException {
        try (InputStream in = new ClassPathResource("keycloak-sign-out.js", WebappSignOutScript.class).getInputStream()) {
            script = in.readAllBytes();
        }
    }

    @GetMapping(value = "/camunda/app/kis/sign-out.js", produces = "text/javascript")
    @NoPermissionNeeded("a script of the webapps, behind their Keycloak sign-in")
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript"))
                .cacheControl(CacheControl.noCache()).body(script);
    }
}
