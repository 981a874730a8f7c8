package io.chainlens.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user list is checked at start, and demo passwords are found wherever they are. */
class BuiltInUsersTest {

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	// strength 4 keeps the test fast; the check reads any strength
	private static String hash(String password) {
		return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
	}

	private static SecuritySettings.User user(String name, String password, Role role, String... chains) {
		return new SecuritySettings.User(name, password, role, List.of(chains));
	}

	@Test
	void theShippedDemoHashesAreTheDocumentedPasswords() {
		assertThat(BuiltInUsers.DEMO_HASHES).hasSize(BuiltInUsers.DEMO_PASSWORDS.size())
			.allMatch(hash -> BuiltInUsers.DEMO_PASSWORDS.values().stream().anyMatch(p -> ENCODER.matches(p, hash)));
	}

	@Test
	void demoPasswordsAreFoundAsShippedRenamedOrHashedAgain() {
		String shipped = BuiltInUsers.DEMO_HASHES.iterator().next();
		List<SecuritySettings.User> users = List.of(user("city-admin", shipped, Role.ADMIN),
				user("lead-pv", hash("pv-demo"), Role.CHAIN_LEAD, "pv"),
				user("lead-rare-earth", hash("a long unguessable phrase"), Role.CHAIN_LEAD, "rare-earth"));

		assertThat(BuiltInUsers.withDemoPasswords(users, ENCODER)).containsExactly("city-admin", "lead-pv");
	}

	@Test
	void aValidListPasses() {
		assertThatCode(() -> BuiltInUsers.check(List.of(user("analyst", hash("x"), Role.ANALYST),
				user("lead", hash("y"), Role.CHAIN_LEAD, "pv", "wind"), user("admin", hash("z"), Role.ADMIN))))
			.doesNotThrowAnyException();
	}

	@Test
	void plainTextPasswordsAreRefused() {
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("admin", "{noop}admin", Role.ADMIN))))
			.hasMessageContaining("chainlens.security.users[0] (admin)")
			.hasMessageContaining("plain-text");
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("admin", "secret", Role.ADMIN))))
			.hasMessageContaining("{bcrypt}");
	}

	@Test
	void aLeadNeedsChainsAndOnlyALeadHasThem() {
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("lead", hash("x"), Role.CHAIN_LEAD))))
			.hasMessageContaining("a CHAIN_LEAD needs chains");
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("analyst", hash("x"), Role.ANALYST, "pv"))))
			.hasMessageContaining("only a CHAIN_LEAD has chains");
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("lead", hash("x"), Role.CHAIN_LEAD, "Rare Earth"))))
			.hasMessageContaining("'Rare Earth' is not a chain id");
	}

	@Test
	void namesAreRequiredAndUnique() {
		assertThatThrownBy(() -> BuiltInUsers
			.check(List.of(user("admin", hash("x"), Role.ADMIN), user("admin", hash("y"), Role.ANALYST))))
			.hasMessageContaining("users[1] (admin): a second user with this name");
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user(" ", hash("x"), Role.ADMIN))))
			.hasMessageContaining("has no name");
		assertThatThrownBy(() -> BuiltInUsers.check(List.of(user("x", hash("x"), null))))
			.hasMessageContaining("role must be one of ANALYST, CHAIN_LEAD, ADMIN");
	}

}
