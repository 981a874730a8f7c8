package io.chainlens.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent a request, with the roles and chains the login carries. Both login modes put
 * roles and chains into the same authorities ({@code ROLE_CHAIN_LEAD},
 * {@code CHAIN_rare-earth}), so rights do not depend on how the caller logged in.
 *
 * @param name the login name, or {@code anonymous}
 * @param authenticated false for a caller without a login
 * @param roles the roles; empty for anonymous callers and logins without a known role
 * @param chains the chains a CHAIN_LEAD leads
 */
public record Caller(String name, boolean authenticated, Set<Role> roles, Set<String> chains) {

	public static final Caller ANONYMOUS = new Caller("anonymous", false, Set.of(), Set.of());

	/** Prefix of the authorities that name a chain the caller leads. */
	public static final String CHAIN_AUTHORITY = "CHAIN_";

	public Caller {
		roles = Set.copyOf(roles);
		chains = Set.copyOf(chains);
	}

	/** The caller of the current request. */
	public static Caller current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	static Caller of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		Set<Role> roles = new TreeSet<>();
		Set<String> chains = new TreeSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String text = authority.getAuthority();
			if (text == null) {
				continue;
			}
			if (text.startsWith(CHAIN_AUTHORITY)) {
				chains.add(text.substring(CHAIN_AUTHORITY.length()));
			}
			else if (text.startsWith("ROLE_")) {
				Role.parse(text).ifPresent(roles::add);
			}
		}
		return new Caller(authentication.getName(), true, roles, chains);
	}

	/** The authorities that stand for these roles and chains. */
	static List<GrantedAuthority> authorities(Collection<Role> roles, Collection<String> chains) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		chains.forEach(chain -> authorities.add(new SimpleGrantedAuthority(CHAIN_AUTHORITY + chain)));
		return authorities;
	}

	public boolean isAnonymous() {
		return !authenticated;
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	/** True when the caller leads this chain (ADMIN leads none, but may write all). */
	public boolean leads(String chainId) {
		return roles.contains(Role.CHAIN_LEAD) && chains.contains(chainId);
	}

	/** How messages and logs name the caller, e.g. {@code lead-pv (CHAIN_LEAD of pv)}. */
	public String describe() {
		if (isAnonymous()) {
			return "an anonymous caller";
		}
		if (roles.isEmpty()) {
			return name + " (no role)";
		}
		List<String> parts = new ArrayList<>();
		for (Role role : new TreeSet<>(roles)) {
			parts.add(role == Role.CHAIN_LEAD ? "CHAIN_LEAD of " + String.join(", ", new TreeSet<>(chains))
					: role.name());
		}
		return name + " (" + String.join("; ", parts) + ")";
	}

}
