package org.citycase.security;

import static org.citycase.security.Roles.authority;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Every endpoint needs a login except the public Open311 channel (whose POST checks
 * an API key itself), the health probe and the files of the leaders' page (which show no data without a login).
 *
 * <ul>
 *   <li>{@code /engine-rest}: HTTP Basic against the engine's users, checked by the engine's own filter
 *       so that its authorizations apply to each call (Modeler deploys here);</li>
 *   <li>{@code /camunda}: the webapps with their own session login and CSRF protection;</li>
 *   <li>{@code /api}: HTTP Basic against the same users, without a session; roles by group.</li>
 * </ul>
 * Spring Security's CSRF protection is off because no endpoint it guards uses a session cookie.
 */
@Configuration
public class SecurityConfiguration {

    private static final String[] REPORTERS = {authority(Roles.SUPERVISORS), authority(Roles.OPERATORS),
        authority(Roles.SHIFT_LEADERS), authority(Roles.INTAKE_CLIENTS), authority(Roles.PROCESS_ADMINS)};

    /**
     * The webapps and the engine's REST API authenticate on their own and set their own security
     * headers; Spring Security stays out of their way. A Basic challenge on any request the webapps make
     * in the background (such as {@code /camunda-welcome}) would open a browser login dialog and stall
     * the Tasklist login form.
     */
    @Bean
    @Order(1)
    public SecurityFilterChain engineSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome"),
                        path("/engine-rest/**")))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain citycaseSecurity(HttpSecurity http, EngineUserAuthenticationProvider users)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/open311/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(authority(Roles.PROCESS_ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/reports").hasAnyAuthority(REPORTERS)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/cancellation")
                        .hasAnyAuthority(authority(Roles.SHIFT_LEADERS), authority(Roles.PROCESS_ADMINS))
                        // Assessment: process admins enter districts' manual scores; leaders, shift leaders and
                        // process admins read rankings. The leaders' page is static and holds no data: it calls
                        // /api/assessments with the login its user types in.
                        .requestMatchers(HttpMethod.PUT, "/api/assessments/*/districts/*/manual-scores")
                        .hasAuthority(authority(Roles.PROCESS_ADMINS))
                        .requestMatchers("/api/assessments", "/api/assessments/**")
                        .hasAnyAuthority(authority(Roles.LEADERS), authority(Roles.SHIFT_LEADERS),
                                authority(Roles.PROCESS_ADMINS))
                        .requestMatchers(HttpMethod.GET, "/leaders", "/leaders/**").permitAll()
                        // the departments' inbox page is static too and reads /api/inbox after its login; both
                        // pages share a style sheet
                        .requestMatchers(HttpMethod.GET, "/inbox", "/inbox/**", "/common/**").permitAll()
                        // the payout list holds reporters' contacts
                        .requestMatchers("/api/rewards", "/api/rewards/**")
                        .hasAnyAuthority(authority(Roles.SHIFT_LEADERS), authority(Roles.PROCESS_ADMINS))
                        .requestMatchers("/", "/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * 401 with a Basic challenge for a missing or wrong login; 503 with a JSON message when the login
     * could not be checked because the database is out of reach.
     */
    private static AuthenticationEntryPoint entryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("citycase");
        return (request, response, failure) -> {
            if (failure instanceof EngineUserAuthenticationProvider.DatabaseUnreachableException) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("application/json");
                response.getWriter().write("{\"status\":503,\"message\":\"The case database is not reachable at "
                        + "the moment; nothing was stored. Try again shortly.\",\"errors\":[]}");
            } else {
                basic.commence(request, response, failure);
            }
        };
    }

    /** Matches by the whole path: these endpoints belong to servlets other than Spring MVC's. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Makes {@code /engine-rest} calls without valid Basic credentials 401, and runs the rest as that user. */
    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
