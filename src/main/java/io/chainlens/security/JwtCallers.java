package io.chainlens.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.chainlens.seed.Formats;

/**
 * Turns a verified token into a caller: name, roles and chains from the configured
 * claims. Unknown roles and malformed chain ids grant nothing.
 */
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecuritySettings.Jwt claims;

	JwtCallers(SecuritySettings.Jwt claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Set<Role> roles = new TreeSet<>();
		words(claim(jwt.getClaims(), claims.rolesClaim())).forEach(text -> Role.parse(text).ifPresent(roles::add));
		Set<String> chains = new TreeSet<>();
		if (roles.contains(Role.CHAIN_LEAD)) {
			words(claim(jwt.getClaims(), claims.chainsClaim())).stream().filter(Formats::isId).forEach(chains::add);
		}
		Object name = claim(jwt.getClaims(), claims.nameClaim());
		String login = name instanceof String text && !text.isBlank() ? text : jwt.getSubject();
		return new JwtAuthenticationToken(jwt, Caller.authorities(roles, chains), login);
	}

	/** A claim by a dotted path, e.g. {@code realm_access.roles}; null when absent. */
	static Object claim(Map<String, Object> all, String path) {
		Object value = all;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	/** A list claim, or a string claim separated by spaces or commas. */
	static List<String> words(Object claim) {
		Collection<?> items = claim instanceof Collection<?> list ? list
				: claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
		Set<String> words = new LinkedHashSet<>();
		for (Object item : items) {
			if (item instanceof String text && !text.isBlank()) {
				words.add(text.strip());
			}
		}
		return new ArrayList<>(words);
	}

}
