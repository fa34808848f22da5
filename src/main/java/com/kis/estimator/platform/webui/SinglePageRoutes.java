package com.kis.estimator.platform.webui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sales web UI (src/main/webapp, built into {@code static/}) routes in the browser with the history API, so a
 * deep link such as {@code /estimates/42} or a reload on it must answer the app itself; the UI then shows the
 * page. Only the UI's own pages are forwarded (the sign-in and the list in
 * {@code src/main/webapp/src/routes.ts}, checked by SalesUiInChromiumTest): {@code /api}, {@code /camunda}, {@code /engine-rest} and {@code /actuator} are untouched,
 * and an unknown path stays a 404.
 */
@Controller
class SinglePageRoutes {

    @GetMapping({"/sign-in", "/estimates", "/estimates/**", "/templates", "/templates/**", "/rfqs", "/rfqs/**",
            "/erp", "/erp/**"})
    String app() {
        return "forward:/index.html";
    }
}
