package org.ranklab.user;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two doors. The API ({@code /api/**}, {@code /actuator/**}) takes HTTP Basic or a Bearer
 * token on every call and needs no CSRF token for them; our own pages may call it with
 * their session cookie, and then CSRF applies. Pages use a login form, a session and
 * CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	/**
	 * Everything from our own origin only: scripts, styles, fetches, fonts and frames
	 * (default-src); images also as data: URIs, which Swagger UI's style sheet uses.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswords();
	}

	/**
	 * No observation of each security filter, authentication and authorization: the
	 * request's own observation (latency per endpoint, in Prometheus) is kept, and the
	 * per-filter ones cost every call CPU that nobody reads.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Reward serving ({@code /api/v1/reward-serving/{key}}): the key in the path is the
	 * only credential, checked by the training module. Nothing here authenticates a user:
	 * no Basic, no Bearer token, no session; and as for the API's token calls, no CSRF
	 * token, since no cookie ever authenticates it.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain rewardServing(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/reward-serving/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, ProblemResponses problems,
			AccountCheckedSessions sessions) throws Exception {
		var unauthorized = problems.unauthorized();
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/projects", "/api/v1/projects/*")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/v1/projects/*/tasks/next")
				.authenticated()
				.requestMatchers("/api/v1/assignments/**")
				.authenticated()
				.requestMatchers("/api/v1/tokens", "/api/v1/tokens/*")
				.authenticated()
				.requestMatchers(HttpMethod.PUT, "/api/v1/users/me/password")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/v1/reward-models/*/score",
						"/api/v1/projects/*/reward-model/score")
				.authenticated()
				.anyRequest()
				.hasRole(ADMIN))
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.securityContext(context -> context.securityContextRepository(new HeaderCredentials(sessions)))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::isSessionCallThatChangesState))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(problems.forbidden()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AccountCheckedSessions sessions, ProblemResponses problems)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(ADMIN)
			.anyRequest()
			.authenticated())
			// Scripts only from our own origin: text that slipped through as HTML still
			// runs nothing.
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", true)
				.permitAll()
				.failureHandler(new LoginFailurePage()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.securityContext(context -> context.securityContextRepository(sessions))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst(problems)));
		return http.build();
	}

	/**
	 * A page's own script (asking for JSON) gets a {@code 401} problem when its session
	 * has ended, which sends it to the login page; a page view is redirected there.
	 */
	private static AuthenticationEntryPoint signInFirst(ProblemResponses problems) {
		MediaTypeRequestMatcher json = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON,
				MediaType.APPLICATION_PROBLEM_JSON);
		json.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(problems.unauthorized(), json)
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
			.build();
	}

	/**
	 * Scripts authenticate every call by its Basic or Bearer header and are immune to
	 * CSRF; only writes that their session authenticates need a token. A call with such a
	 * header is authenticated by it alone ({@link HeaderCredentials}), never by the
	 * session; any other {@code Authorization} header does not spare the token.
	 */
	private static boolean isSessionCallThatChangesState(HttpServletRequest request) {
		boolean safeMethod = switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
			default -> false;
		};
		return !safeMethod && !HeaderCredentials.carried(request) && request.getRequestedSessionId() != null;
	}

}
