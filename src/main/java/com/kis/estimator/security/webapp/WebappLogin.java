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
import org.springframework.security.web.SecurityFilterChain;

/**
 * Tasklist, Cockpit and Admin sign in through Keycloak in production: Spring Security's OIDC login (authorization
 * code with PKCE, client {@code kis-camunda}) guards {@code /camunda/**}, and Camunda's container-based
 * authentication takes the signed-in user from it ({@link KeycloakWebappUser}). Approvers, managers, directors
 * and admins give their TOTP code at the Keycloak login. Signing out at {@code /logout} ends the Keycloak session
 * too. The embedded default keeps Camunda's own login form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.security.identity", havingValue = "KEYCLOAK")
@EnableConfigurationProperties(WebappLoginProperties.class)
class WebappLogin {

    static final String REGISTRATION = "keycloak";

    /**
     * Built from the issuer's well-known Keycloak endpoints rather than fetched at start, so the application
     * starts while Keycloak is down; browsers go to the issuer, the server to {@code server-url} if set.
     */
    @Bean
    ClientRegistrationRepository webappClientRegistrations(OAuth2ResourceServerProperties resourceServer,
            WebappLoginProperties webapp) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        String server = webapp.serverUrl() == null || webapp.serverUrl().isBlank() ? issuer : webapp.serverUrl();
        String oidc = "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(webapp.clientId())
                .clientSecret(webapp.clientSecret())
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
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappChain(HttpSecurity http, ClientRegistrationRepository registrations,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}" + webappPath + "/app/");
        http.securityMatcher(webappPath + "/**", "/oauth2/**", "/login/**", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                        Pkce.resolver(registrations)))
                        // without a page to return to, the webapps: "/" is the sales web UI, not Camunda's index
                        .defaultSuccessUrl(webappPath + "/app/"))
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
                // Camunda's webapps protect their API with their own CSRF filter (XSRF-TOKEN cookie, X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
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
