package com.kis.estimator.security.webapp;

import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Browsers sign in through Keycloak in production: Spring Security's OIDC login (authorization code with PKCE, the
 * tokens kept on the server) with one client per door. Tasklist, Cockpit and Admin use {@code kis-camunda}: the
 * login guards {@code /camunda/**}, and Camunda's container-based authentication takes the signed-in user from it
 * ({@link KeycloakWebappUser}). The sales web UI uses {@code kis-web} ({@code /oauth2/authorization/kis-web}, ADR
 * 0010): the API reads the same session. Approvers, managers, directors and admins give their TOTP code at the
 * Keycloak login. Signing out at {@code /logout} ends the Keycloak session too and returns the browser to the
 * door it signed in at. The embedded default keeps Camunda's own login form and the UI's password page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.security.identity", havingValue = "KEYCLOAK")
@EnableConfigurationProperties({WebappLoginProperties.class, WebUiLoginProperties.class})
class WebappLogin {

    static final String REGISTRATION = "keycloak";
    /** The web UI's registration: its sign-in link is {@code /oauth2/authorization/kis-web}. */
    static final String WEB_UI = "kis-web";
    /** The web UI's page that sends a signed-in user on to where they were going. */
    private static final String WEB_UI_LANDING = "/sign-in";

    /**
     * Built from the issuer's well-known Keycloak endpoints rather than fetched at start, so the application
     * starts while Keycloak is down; browsers go to the issuer, the server to {@code server-url} if set.
     */
    @Bean
    ClientRegistrationRepository webappClientRegistrations(OAuth2ResourceServerProperties resourceServer,
            WebappLoginProperties webapp, WebUiLoginProperties webUi) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        String server = webapp.serverUrl() == null || webapp.serverUrl().isBlank() ? issuer : webapp.serverUrl();
        return new InMemoryClientRegistrationRepository(
                registration(REGISTRATION, webapp.clientId(), webapp.clientSecret(), issuer, server),
                registration(WEB_UI, webUi.clientId(), webUi.clientSecret(), issuer, server));
    }

    private static ClientRegistration registration(String id, String clientId, String secret, String issuer,
            String server) {
        String oidc = "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(id)
                .clientId(clientId)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(issuer + oidc + "/auth")
                .tokenUri(server + oidc + "/token")
                .jwkSetUri(server + oidc + "/certs")
                .userInfoUri(server + oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                // where /logout sends the browser to end the Keycloak session; without it Spring Security ends
                // only its own, and the next page signs the user straight back in
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + oidc + "/logout"))
                .clientName("Keycloak")
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappChain(HttpSecurity http, ClientRegistrationRepository registrations,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
        var toWebapps = new SavedRequestAwareAuthenticationSuccessHandler();
        // without a page to return to, the webapps: "/" is the sales web UI, not Camunda's index
        toWebapps.setDefaultTargetUrl(webappPath + "/app/");
        var toWebUi = new SimpleUrlAuthenticationSuccessHandler(WEB_UI_LANDING);
        AuthenticationSuccessHandler signedIn = (request, response, authentication) ->
                (fromWebUi(authentication) ? toWebUi : toWebapps).onAuthenticationSuccess(request, response, authentication);
        LogoutSuccessHandler webappsSignedOut = endKeycloakSession(registrations, "{baseUrl}" + webappPath + "/app/");
        LogoutSuccessHandler webUiSignedOut = endKeycloakSession(registrations, "{baseUrl}" + WEB_UI_LANDING);
        LogoutSuccessHandler signedOut = (request, response, authentication) ->
                (fromWebUi(authentication) ? webUiSignedOut : webappsSignedOut).onLogoutSuccess(request, response, authentication);
        http.securityMatcher(webappPath + "/**", "/oauth2/**", "/login/**", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                        Pkce.resolver(registrations)))
                        .successHandler(signedIn))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                // a webapp page needing a sign-in goes straight to the webapps' client, not to a page listing both
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION)))
                // Camunda's webapps protect their API with their own CSRF filter (XSRF-TOKEN cookie, X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    private static boolean fromWebUi(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken token
                && WEB_UI.equals(token.getAuthorizedClientRegistrationId());
    }

    /** Where /logout sends the browser: Keycloak's end of session, which then returns it to {@code afterwards}. */
    private static LogoutSuccessHandler endKeycloakSession(ClientRegistrationRepository registrations, String afterwards) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(afterwards);
        return handler;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-container-based-authentication");
        registration.addInitParameter("authentication-provider", KeycloakWebappUser.class.getName());
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        // Right after Spring Security, which has signed the user in by then.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
