package io.chainlens.security;

import java.util.Arrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;

/**
 * Reads (GraphQL queries, GraphiQL, the exports) are open unless
 * {@code chainlens.security.reads-require-login} closes them; writes are checked per
 * chain by the editing feature, so that a refused write is a GraphQL error naming the
 * chain rather than a bare HTTP status.
 *
 * <p>
 * No CSRF tokens: the API keeps no session, and although browsers resend Basic
 * credentials on their own, {@code /graphql} only takes {@code application/json}, which a
 * page of another site cannot send without a CORS preflight, and no other origin is
 * allowed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** The realm of HTTP Basic logins. */
	static final String REALM = "chainlens";

	/** The chain map page: {@code /} serves {@code static/index.html}. */
	static final String[] MAP_PAGES = { "/", "/index.html" };

	/**
	 * The map page runs only its own scripts and talks only to this server; the images
	 * are the map's PNG export (a blob) and the favicon. GraphiQL keeps Spring's
	 * defaults: its page has an inline script.
	 */
	static final String MAP_PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Logins are observed; the filter chain and each authorization decision are not: one
	 * observation per filter (about fifteen per request) cost more than a small query's
	 * database work, and the HTTP request as a whole is observed by Spring MVC anyway.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder,
			ObjectProvider<CheckedLogins> logins) throws Exception {
		http.authorizeHttpRequests(requests -> {
			// the request dispatch was authorized; its async result and error page need
			// no second check
			requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
			requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
			requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
			if (settings.readsRequireLogin()) {
				// the exports are reads too: they run GraphQL queries
				requests.requestMatchers("/graphql", "/graphql/**", "/graphiql", "/graphiql/**", "/export/**")
					.authenticated();
				// the chain map page and its assets are reads too
				requests.requestMatchers(MAP_PAGES).authenticated();
				requests.requestMatchers("/map/**", "/webjars/**").authenticated();
			}
			requests.anyRequest().permitAll();
		})
			.headers(
					headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
							new OrRequestMatcher(Arrays.stream(MAP_PAGES)
								.map(PathPatternRequestMatcher.withDefaults()::matcher)
								.toArray(RequestMatcher[]::new)),
							new ContentSecurityPolicyHeaderWriter(MAP_PAGE_POLICY))))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		if (settings.mode() == SecuritySettings.Mode.JWT) {
			if (jwtDecoder.getIfAvailable() == null) {
				throw new IllegalStateException("chainlens.security.mode=jwt needs the token issuer: set "
						+ "spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location");
			}
			http.oauth2ResourceServer(
					server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallers(settings.jwt()))));
			http.addFilterBefore(new ForeignCredentials("Bearer", "Bearer"), BearerTokenAuthenticationFilter.class);
		}
		else {
			// the password hash is checked once per login, not per request, and failed
			// logins slow the guesser down (CheckedLogins)
			http.authenticationManager(logins.getObject())
				.httpBasic(basic -> basic.authenticationEntryPoint(new LoginRefusal(REALM)));
			http.addFilterBefore(new ForeignCredentials("Basic", "Basic realm=\"" + REALM + "\""),
					BasicAuthenticationFilter.class);
		}
		return http.build();
	}

}
