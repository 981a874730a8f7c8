package io.chainlens.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.chainlens.seed.Formats;

/**
 * The users of {@code chainlens.security.users}, for the embedded default: checked at
 * start, so that a typo in a role or a plain-text password stops the start instead of
 * locking a unit out (or in).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chainlens.security.mode", havingValue = "users", matchIfMissing = true)
class BuiltInUsers {

	private static final Logger log = LoggerFactory.getLogger(BuiltInUsers.class);

	/**
	 * The demo users documented in the README, with their passwords. Anyone who has read
	 * the README knows them, so the start warns while any of them still works.
	 */
	static final Map<String, String> DEMO_PASSWORDS = Map.of("analyst", "analyst-demo", "lead-rare-earth",
			"rare-earth-demo", "lead-pv", "pv-demo", "investment", "investment-demo", "admin", "admin-demo");

	/** The hashes of the demo passwords as shipped in application.yml. */
	static final Set<String> DEMO_HASHES = Set.of(
			"{bcrypt}$2a$10$0DtE.Qs49QiIs67jOqz2HO.Cbx3P4SjJTIwikrj.LZcQWCHxBH/4u",
			"{bcrypt}$2a$10$evv9kdBKeCZVn7XrG5yXWe8HQs9Rwopw2TsuMkpufLTeXdzUmcfee",
			"{bcrypt}$2a$10$F33.H9p7twhUEJ7gbV9RbuHB1pKETIe4xwzinjDqjSEPBQJxGm3f2",
			"{bcrypt}$2a$10$kgdDUIWpLb1a4cGwNxwfvuGZym18TSN9U6wkqwsVXhmvgUXuBBEgu",
			"{bcrypt}$2a$10$sIww4DrAJyzM/aerqn/hCOs0OkqTrJieeI1fZ4lVQM3Pkh5605qVi");

	private static final Pattern ENCODED = Pattern.compile(
			"\\{(bcrypt|argon2|argon2@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt|scrypt@SpringSecurity_v5_8)}.+");

	/** Reads {@code {bcrypt}…} and the other hashes of Spring Security's encoders. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CheckedLogins checkedLogins(UserDetailsService users, PasswordEncoder encoder, SecuritySettings settings) {
		return new CheckedLogins(users, encoder, settings.logins(), Clock.systemUTC());
	}

	@Bean
	UserDetailsService users(SecuritySettings settings, PasswordEncoder encoder) {
		List<SecuritySettings.User> users = settings.users();
		check(users);
		List<String> demo = withDemoPasswords(users, encoder);
		if (!demo.isEmpty()) {
			log.warn("""
					DEMO PASSWORDS IN USE for {}: anyone who has read the README can log in and write. \
					Set chainlens.security.users with your own BCrypt hashes before this serves anyone \
					(see docs/security.md).""", demo);
		}
		List<UserDetails> details = new ArrayList<>();
		for (SecuritySettings.User user : users) {
			details.add(User.withUsername(user.name())
				.password(user.password())
				.authorities(Caller.authorities(List.of(user.role()), user.chains()))
				.build());
		}
		return new InMemoryUserDetailsManager(details);
	}

	/**
	 * Refuses a user list that would not do what it seems to say.
	 * @throws IllegalStateException naming the user and the problem
	 */
	static void check(List<SecuritySettings.User> users) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < users.size(); i++) {
			SecuritySettings.User user = users.get(i);
			String where = "chainlens.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				throw new IllegalStateException(where + " has no name");
			}
			where += " (" + user.name() + ")";
			if (!names.add(user.name())) {
				throw new IllegalStateException(where + ": a second user with this name");
			}
			if (user.password() == null || !ENCODED.matcher(user.password()).matches()) {
				throw new IllegalStateException(
						where + ": the password must be a hash with its encoder id, e.g. {bcrypt}$2a$10$…; plain-text "
								+ "({noop}) passwords are refused. See docs/security.md for how to make a hash");
			}
			if (user.role() == null) {
				throw new IllegalStateException(where + ": role must be one of ANALYST, CHAIN_LEAD, ADMIN");
			}
			if (user.role() == Role.CHAIN_LEAD && user.chains().isEmpty()) {
				throw new IllegalStateException(where + ": a CHAIN_LEAD needs chains, e.g. chains: [rare-earth]");
			}
			if (user.role() != Role.CHAIN_LEAD && !user.chains().isEmpty()) {
				throw new IllegalStateException(
						where + ": only a CHAIN_LEAD has chains; " + user.role() + " " + rightsOf(user.role()));
			}
			for (String chain : user.chains()) {
				if (!Formats.isId(chain)) {
					throw new IllegalStateException(where + ": '" + chain + "' is not a chain id such as rare-earth");
				}
			}
		}
	}

	private static String rightsOf(Role role) {
		return role == Role.ADMIN ? "writes every chain" : "reads only";
	}

	/** The users whose password is still a documented demo password. */
	static List<String> withDemoPasswords(List<SecuritySettings.User> users, PasswordEncoder encoder) {
		List<String> found = new ArrayList<>();
		for (SecuritySettings.User user : users) {
			String demo = DEMO_PASSWORDS.get(user.name());
			// comparing hashes catches a demo hash under another name; matching catches
			// the demo password hashed again
			if (DEMO_HASHES.contains(user.password()) || demo != null && encoder.matches(demo, user.password())) {
				found.add(user.name());
			}
		}
		return found;
	}

}
