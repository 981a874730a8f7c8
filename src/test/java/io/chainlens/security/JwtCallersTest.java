package io.chainlens.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles and chains as identity providers put them in tokens. */
class JwtCallersTest {

	private static final SecuritySettings.Jwt DEFAULT = new SecuritySettings.Jwt("preferred_username", "roles",
			"chains");

	private static Caller caller(SecuritySettings.Jwt claims, Map<String, Object> tokenClaims) {
		Jwt.Builder jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("subject-1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		tokenClaims.forEach(jwt::claim);
		return Caller.of(new JwtCallers(claims).convert(jwt.build()));
	}

	@Test
	void listClaimsGiveRolesAndChains() {
		Caller caller = caller(DEFAULT, Map.of("preferred_username", "re-unit", "roles", List.of("CHAIN_LEAD"),
				"chains", List.of("rare-earth", "wind")));

		assertThat(caller.name()).isEqualTo("re-unit");
		assertThat(caller.roles()).containsExactly(Role.CHAIN_LEAD);
		assertThat(caller.chains()).containsExactlyInAnyOrder("rare-earth", "wind");
	}

	@Test
	void stringClaimsInAnyCaseAndNestedClaimsAreRead() {
		SecuritySettings.Jwt keycloak = new SecuritySettings.Jwt("preferred_username", "realm_access.roles",
				"chainlens.chains");
		Caller caller = caller(keycloak, Map.of("realm_access",
				Map.of("roles", List.of("offline_access", "chain-lead")), "chainlens", Map.of("chains", "pv, wind")));

		assertThat(caller.roles()).containsExactly(Role.CHAIN_LEAD);
		assertThat(caller.chains()).containsExactlyInAnyOrder("pv", "wind");
		assertThat(caller.name()).as("falls back to sub").isEqualTo("subject-1");
	}

	@Test
	void unknownRolesAndMalformedChainsGrantNothing() {
		Caller caller = caller(DEFAULT,
				Map.of("roles", "SUPERUSER ROLE_ANALYST", "chains", List.of("pv", "PV; DROP", "rare-earth")));

		assertThat(caller.roles()).containsExactly(Role.ANALYST);
		assertThat(caller.chains()).as("only a CHAIN_LEAD has chains").isEmpty();
		assertThat(
				caller(DEFAULT, Map.of("roles", List.of("CHAIN_LEAD"), "chains", List.of("PV; DROP", "pv"))).chains())
			.isEqualTo(Set.of("pv"));
	}

}
