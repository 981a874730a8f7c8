package io.chainlens.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and read access (configuration {@code chainlens.security}).
 *
 * @param mode {@code users}: the built-in users below over HTTP Basic; {@code jwt}:
 * bearer tokens of an OAuth2/OIDC provider, configured with
 * {@code spring.security.oauth2.resourceserver.jwt.*}
 * @param readsRequireLogin true closes reads (GraphQL queries and GraphiQL) to callers
 * without a login
 * @param users the built-in users (mode {@code users})
 * @param jwt where a token carries the caller's name, roles and chains (mode {@code jwt})
 * @param logins how Basic logins are remembered and failed ones slowed down (mode
 * {@code users})
 */
@ConfigurationProperties("chainlens.security")
record SecuritySettings(@DefaultValue("users") Mode mode, @DefaultValue("false") boolean readsRequireLogin,
		@DefaultValue List<User> users, @DefaultValue Jwt jwt, @DefaultValue Logins logins) {

	enum Mode {

		USERS, JWT

	}

	/**
	 * A built-in user.
	 *
	 * @param name the login name
	 * @param password the password hash with its encoder id, e.g.
	 * {@code {bcrypt}$2a$10$…}
	 * @param role the role
	 * @param chains the chains a CHAIN_LEAD leads
	 */
	record User(String name, String password, Role role, @DefaultValue List<String> chains) {

	}

	/**
	 * Claims of a token; a dotted name reads a nested claim, e.g.
	 * {@code realm_access.roles} (Keycloak).
	 *
	 * @param nameClaim the login name, falling back to {@code sub}
	 * @param rolesClaim the roles (ANALYST, CHAIN_LEAD, ADMIN), a list or a string
	 * separated by spaces or commas
	 * @param chainsClaim the chains a CHAIN_LEAD leads, likewise
	 */
	record Jwt(@DefaultValue("preferred_username") String nameClaim, @DefaultValue("roles") String rolesClaim,
			@DefaultValue("chains") String chainsClaim) {

	}

	/**
	 * Basic logins of the built-in users (see {@link CheckedLogins}).
	 *
	 * @param cacheTtl how long checked credentials are taken without checking the
	 * password hash again
	 * @param cacheSize how many credentials are remembered, passed and refused each
	 * @param freeFailures failed logins of one name before each further attempt waits
	 * (from one client address: four times as many)
	 * @param maxDelay the longest wait after failed logins
	 */
	record Logins(@DefaultValue("5m") Duration cacheTtl, @DefaultValue("10000") int cacheSize,
			@DefaultValue("5") int freeFailures, @DefaultValue("5m") Duration maxDelay) {

	}

}
