package com.kis.estimator.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;
import com.kis.estimator.security.Role;

/**
 * The sales web UI as the application serves it (built by Maven from src/main/webapp): every page opens by deep
 * link (through the sign-in, which sends the user back), the menu reaches each, on a desktop and on a phone without
 * sideways scrolling, Korean first with English switchable, sign-out ends the session, and axe-core finds no
 * serious or critical violation. The pages' content is built in later steps
 * of issue 21; what is tested here is the frame every page stands in.
 */
class SalesUiInChromiumTest extends EmbeddedInChromium {

    private static final Path ROUTES = Path.of("src/main/webapp/src/routes.ts");
    private static final Path BUILT = Path.of("target/classes/static");
    /** The budget of issue 21 for the first page's JavaScript, gzipped. */
    private static final long SCRIPT_BUDGET = 250 * 1024;

    @Test
    void aSalespersonSignsInReachesEveryPageAndSignsOutWithNoSeriousAccessibilityViolation() {
        Chromium desktop = browser("web-ui-desktop").step("openUi", "path", "/estimates/42").step("axe")
                // a user of its own: Camunda holds back a user's sign-ins for a few seconds after a wrong password
                .step("signInUi", "user", user("web-wrong", "sales"), "password", "wrong", "expect", "refused")
                .step("signInUi", "user", "sales1", "password", "sales1").step("axe")
                .step("screenshot", "name", "signed-in");
        for (String[] route : routesFor(Role.SALES)) {
            desktop.step("navigate", "label", route[1]).step("axe");
        }
        Chromium.Steps steps = desktop.step("openUi", "path", "/erp").step("menu")
                .step("press", "name", "English").step("openUi", "path", "/templates")
                .step("signOutUi").step("openUi", "path", "/estimates").run();

        JsonNode signInFirst = steps.at(0);
        assertThat(signInFirst.path("status").asInt()).isEqualTo(200);
        assertThat(signInFirst.path("url").asText()).endsWith("/sign-in?from=%2Festimates%2F42");
        assertThat(signInFirst.path("h1").asText()).isEqualTo("KIS 견적");
        assertThat(signInFirst.path("h2").toString()).contains("로그인");
        assertThat(signInFirst.path("lang").asText()).isEqualTo("ko");
        assertThat(steps.at(2).path("signedIn").asBoolean()).isFalse();
        assertThat(steps.at(2).path("alert").toString()).contains("아이디 또는 비밀번호가 맞지 않습니다");
        assertThat(steps.at(3).path("signedIn").asBoolean()).isTrue();
        assertThat(steps.at(3).path("url").asText()).as("back where the deep link pointed").endsWith("/estimates/42");
        for (int i = 0; i < routesFor(Role.SALES).size(); i++) {
            assertThat(steps.at(6 + 2 * i).path("url").asText()).endsWith(routesFor(Role.SALES).get(i)[0]);
        }
        JsonNode erp = steps.all("openUi").get(1);
        assertThat(erp.path("alert").toString()).as("a deep link to a page of another role's").contains("운영 담당자용");
        assertThat(steps.last("menu").path("links").toString()).as("the menu lists only what sales may use")
                .contains("견적", "템플릿", "RFQ 접수").doesNotContain("ERP");
        steps.results().forEach(step -> {
            if (step.path("do").asText().equals("axe")) {
                assertThat(step.path("violations")).as(step.toString()).isEmpty();
                assertThat(step.path("passes").asInt()).isPositive();
            }
        });
        JsonNode english = steps.at(steps.results().size() - 3);
        assertThat(english.path("lang").asText()).as("the language is kept across pages").isEqualTo("en");
        assertThat(english.path("h1").asText()).isEqualTo("KIS Estimator");
        assertThat(english.path("h2").toString()).as("still signed in after a reload").contains("Templates");
        assertThat(steps.last("signOutUi").path("url").asText()).contains("/sign-in");
        assertThat(steps.last("openUi").path("url").asText()).as("the session ended").contains("/sign-in?from=");
    }

    /**
     * A salesperson writes an estimate: customer and products found by typing part of their Korean names (without
     * the space the catalog has), the price the server calculates shown as they type, the same total saved, and the
     * estimate then found in the list by its number and by a product's name.
     */
    @Test
    void aSalespersonWritesAnEstimateWithTheServersLivePriceAndFindsItAgain() {
        String run = Long.toString(System.nanoTime(), 36);
        Map<String, Object> breakers = Map.of("search", "배선용차단기", "option", "(MCCB-3P-30)", "quantity", 12,
                "discount", 5);
        Map<String, Object> small = Map.of("search", "소형", "option", "(MCB-1P-16)", "quantity", 40);
        Chromium.Steps steps = browser("web-ui-estimate").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("writeEstimate", "customer", "한빛", "customerOption", "(C-HANBIT)", "lines",
                        List.of(breakers, small))
                .step("axe").step("screenshot", "name", "estimate")
                .step("saveAsTemplate", "name", "차단기 묶음 " + run)
                .step("estimateFromTemplate", "template", "차단기 묶음 " + run, "customer", "대성",
                        "customerOption", "(C-DAESUNG)")
                .step("navigate", "label", "템플릿").step("axe")
                .run();
        JsonNode written = steps.last("writeEstimate");
        JsonNode fromTemplate = steps.last("estimateFromTemplate");
        assertThat(fromTemplate.path("editorLines").asInt()).as("the template's lines").isEqualTo(2);
        assertThat(fromTemplate.path("number").asText()).isNotEqualTo(written.path("number").asText());
        String copied = fromTemplate.path("url").asText().replaceAll(".*/", "");
        assertThat(api("sales1").get("/api/v1/estimates/" + copied).getBody().path("items").findValuesAsText("productCode"))
                .containsExactly("MCCB-3P-30", "MCB-1P-16");
        String number = written.path("number").asText();
        assertThat(number).matches("EST-\\d{4}-\\d{6}");
        assertThat(written.path("lines").asInt()).isEqualTo(2);
        assertThat(written.path("status").asText()).isEqualTo("작성 중");
        assertThat(written.path("total").asText()).as("the preview's total is the saved one")
                .matches("[0-9,]+원").isEqualTo(written.path("savedTotal").asText());
        assertThat(written.path("words").asText()).startsWith("금 ").endsWith("원정");
        assertThat(written.path("sidewaysScroll").asBoolean()).isFalse();
        steps.all("axe").forEach(axe -> assertThat(axe.path("violations")).as(axe.toString()).isEmpty());

        // issue 21's budgets, measured where the salesperson meets them (docs/benchmarks.md)
        Chromium.Steps timed = browser("web-ui-timing").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("timePreview", "body", twentyLines(), "times", 60)
                .step("timeToInteractive", "path", "/estimates/" + written.path("url").asText().replaceAll(".*/", ""),
                        "testId", "total")
                .run();
        JsonNode rounds = timed.last("timePreview");
        rounds.path("preview").forEach(round -> assertThat(round.path("status").asInt()).isEqualTo(200));
        double previewP95 = p95(rounds.path("preview"));
        double baselineP95 = p95(rounds.path("baseline"));
        long interactive = timed.last("timeToInteractive").path("ms").asLong();
        System.out.printf("Web UI: price preview of 20 lines p95 %.1f ms, GET /api/v1/health p95 %.1f ms (ratio %.1f); "
                + "the estimate page usable after %d ms%n", previewP95, baselineP95, previewP95 / baselineP95, interactive);

        Chromium.Steps found = browser("web-ui-search").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("searchEstimates", "text", number.substring(4))
                .step("searchEstimates", "text", "배선용차단기3P30A")
                .step("axe")
                .run();
        assertThat(found.at(2).path("numbers")).extracting(JsonNode::asText).containsExactly(number);
        assertThat(found.at(3).path("numbers")).extracting(JsonNode::asText).contains(number);
        assertThat(found.last("axe").path("violations")).as(found.last("axe").toString()).isEmpty();
    }

    /**
     * A salesperson's day in the UI: an estimate written and submitted; approver1 decides it in Tasklist, in a
     * browser context of their own, while the salesperson's page stays open and shows the approval by itself;
     * then the estimate is sent and recorded as won, with the decision, the history, the win model's score and the
     * 견적서 PDF on the estimate's page.
     */
    @Test
    void aSalespersonsDayFromTheEstimateToWonWithTheApprovalDecidedInTasklistShownLive() {
        Chromium.Steps day = browser("web-ui-day").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("writeEstimate", "customer", "대성", "customerOption", "(C-DAESUNG)", "lines",
                        List.of(Map.of("search", "배선용차단기", "option", "(MCCB-3P-50)", "quantity", 10,
                                "discount", 3)))
                .step("estimateStep", "name", "승인 요청")
                .step("readEstimate")
                .step("as", "who", "approver")
                .signIn("tasklist", "approver1").openFilter("My group's approvals")
                .step("openTask", "name", "${writeEstimate.number}").claim().choose("승인 (Approve)").complete()
                .step("mark")
                .step("as", "who", "main")
                .step("waitForStatus", "status", "승인")
                .step("readEstimate")
                .step("estimateStep", "name", "고객에게 발송")
                .step("recordOutcome", "outcome", "수주")
                .step("readEstimate").step("axe").step("screenshot", "name", "won")
                .run();
        String number = day.last("writeEstimate").path("number").asText();
        String id = day.last("writeEstimate").path("url").asText().replaceAll(".*/", "");
        List<JsonNode> reads = day.all("readEstimate");
        JsonNode submitted = reads.get(0);
        assertThat(submitted.path("status").asText()).isEqualTo("승인 요청");
        assertThat(submitted.path("waiting").toString()).contains("단계 1", "approver", "기한");
        assertThat(submitted.path("actions").toString()).contains("승인 요청 철회");

        JsonNode live = day.last("waitForStatus");
        assertThat(live.path("reloaded").asBoolean()).as("the page learnt of the decision by itself").isFalse();
        assertThat(live.path("decisions").toString()).contains("approver1");
        long latency = live.path("at").asLong() - day.last("mark").path("at").asLong();
        System.out.printf("Web UI: approved in Tasklist, shown on the salesperson's open page %d ms later%n", latency);

        JsonNode approved = reads.get(1);
        assertThat(approved.path("decisions").get(0).asText()).contains("1 · approver", "승인", "approver1");
        assertThat(approved.path("pdf").path("magic").asText()).isEqualTo("%PDF-");
        assertThat(approved.path("pdf").path("fileName").asText()).isEqualTo(number + "-r1.pdf");
        assertThat(approved.path("winProbability").toString()).matches(".*\\d{1,3}%.*");
        assertThat(day.last("recordOutcome").path("status").asText()).isEqualTo("수주");
        JsonNode won = reads.get(2);
        assertThat(won.path("history").toString()).contains("작성", "상태 변경: 승인 요청", "상태 변경: 승인",
                "상태 변경: 발송", "상태 변경: 수주");
        assertThat(won.path("actions").toString()).doesNotContain("고객에게 발송", "승인 요청");
        assertThat(won.path("sidewaysScroll").asBoolean()).isFalse();
        assertThat(day.last("axe").path("violations")).as(day.last("axe").toString()).isEmpty();
        assertThat(api("sales1").get("/api/v1/estimates/" + id).getBody().path("status").asText()).isEqualTo("WON");
    }

    /** An estimate of 20 lines over the demo catalog's first 20 products. */
    private static Map<String, Object> twentyLines() {
        try (var lines = Files.lines(Path.of("src/main/resources/demo/catalog/products.csv"))) {
            List<Map<String, Object>> items = lines.skip(1).filter(line -> line.endsWith(",true")).limit(20)
                    .map(line -> Map.<String, Object>of("productCode", line.substring(0, line.indexOf(',')),
                            "quantity", 7, "discountRate", 3))
                    .toList();
            assertThat(items).hasSize(20);
            return Map.of("customerCode", "C-HANBIT", "items", items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double p95(JsonNode rounds) {
        double[] ms = new double[rounds.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = rounds.get(i).path("ms").asDouble();
        }
        Arrays.sort(ms);
        return ms[(int) Math.ceil(ms.length * 0.95) - 1];
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndTheMenuIsTouchSized() {
        Chromium phone = browser("web-ui-phone").viewport(390, 844).step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales2", "password", "sales2");
        for (String[] route : routesFor(Role.SALES)) {
            phone.step("navigate", "label", route[1]).step("axe");
        }
        Chromium.Steps steps = phone.step("openUi", "path", "/rfqs")
                .step("attribute", "selector", "input[type=file][capture]", "name", "capture")
                .step("screenshot", "name", "rfqs")
                .step("openUi", "path", "/erp").step("screenshot", "name", "erp")
                .step("openUi", "path", "/estimates/new").step("axe").step("screenshot", "name", "editor").run();

        assertThat(steps.at(0).path("sidewaysScroll").asBoolean()).isFalse();
        assertThat(steps.last("attribute").path("value").asText()).as("the RFQ page's photo button opens the camera")
                .isEqualTo("environment");
        steps.all("openUi").forEach(page -> assertThat(page.path("sidewaysScroll").asBoolean()).as(page.toString())
                .isFalse());
        steps.results().forEach(step -> {
            if (step.path("do").asText().equals("navigate")) {
                assertThat(step.path("linkHeight").asDouble()).as("a touch target").isGreaterThanOrEqualTo(44);
            }
            if (step.path("do").asText().equals("axe")) {
                assertThat(step.path("violations")).as(step.toString()).isEmpty();
            }
        });
    }

    /** Deep links answer the app; the server's own paths and unknown ones are left as they were. */
    @Test
    void theServerAnswersTheUisPagesAndLeavesItsOwnPathsAlone() {
        List<String> pages = new ArrayList<>(List.of("/sign-in"));
        for (String[] route : routes()) {
            pages.addAll(List.of(route[0], route[0] + "/42", route[0] + "/42/revisions"));
        }
        for (String path : pages) {
            ResponseEntity<String> page = http.getForEntity(path, String.class);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(path).isTrue();
            assertThat(page.getBody()).as(path).contains("<div id=\"root\">");
        }
        assertThat(http.getForEntity("/", String.class).getBody()).contains("<div id=\"root\">");
        assertThat(http.getForEntity("/api/v1/estimates/42", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/no-such-page", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"status\"");
        assertThat(http.getForEntity("/camunda/app/tasklist/", String.class).getBody()).doesNotContain("<div id=\"root\">");
    }

    /** Issue 21's budget: the first page loads at most 250 KB of JavaScript, gzipped. */
    @Test
    void theFirstPagesJavaScriptIsWithinItsBudget() throws IOException {
        String index = Files.readString(BUILT.resolve("index.html"));
        Matcher scripts = Pattern.compile("<script[^>]+src=\"/([^\"]+\\.js)\"").matcher(index);
        long gzipped = 0;
        int count = 0;
        while (scripts.find()) {
            gzipped += gzippedSize(Files.readAllBytes(BUILT.resolve(scripts.group(1))));
            count++;
        }
        Matcher preloads = Pattern.compile("<link rel=\"modulepreload\"[^>]+href=\"/([^\"]+\\.js)\"").matcher(index);
        while (preloads.find()) {
            gzipped += gzippedSize(Files.readAllBytes(BUILT.resolve(preloads.group(1))));
            count++;
        }
        System.out.printf("Web UI: the first page loads %d script(s), %.1f KB gzipped (budget %d KB)%n", count,
                gzipped / 1024.0, SCRIPT_BUDGET / 1024);
        assertThat(count).isPositive();
        assertThat(gzipped).isLessThanOrEqualTo(SCRIPT_BUDGET);
    }

    private static long gzippedSize(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.size();
    }

    /** The pages a role's menu lists: those whose permission (routes.ts) the role has. */
    private static List<String[]> routesFor(Role role) {
        return routes().stream().filter(route -> role.permissions().stream()
                .anyMatch(permission -> permission.code().equals(route[2]))).toList();
    }

    /** The UI's pages as routes.ts lists them: path, Korean menu label and the permission it needs. */
    private static List<String[]> routes() {
        try {
            String source = Files.readString(ROUTES, StandardCharsets.UTF_8);
            String messages = Files.readString(Path.of("src/main/webapp/src/i18n/messages.ts"), StandardCharsets.UTF_8);
            Matcher route = Pattern.compile("path: '([^']+)', title: '([^']+)', permission: '([^']+)'").matcher(source);
            List<String[]> routes = new ArrayList<>();
            while (route.find()) {
                Matcher label = Pattern.compile("'" + Pattern.quote(route.group(2)) + "': '([^']+)'").matcher(messages);
                assertThat(label.find()).as(route.group(2)).isTrue();
                routes.add(new String[] {route.group(1), label.group(1), route.group(3)});
            }
            assertThat(routes).hasSizeGreaterThanOrEqualTo(4);
            return routes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
