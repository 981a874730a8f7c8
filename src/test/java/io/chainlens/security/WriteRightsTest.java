package io.chainlens.security;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteRightsTest {

	private static final Caller LEAD_OF_BOTH = new Caller("lead-both", true, Set.of(Role.CHAIN_LEAD),
			Set.of("rare-earth", "wind"));

	private static final Caller LEAD_OF_ONE = new Caller("lead-re", true, Set.of(Role.CHAIN_LEAD),
			Set.of("rare-earth"));

	private static final Caller ADMIN = new Caller("admin", true, Set.of(Role.ADMIN), Set.of());

	private static final Caller NO_ROLE = new Caller("someone", true, Set.of(), Set.of("rare-earth"));

	private static final Map<String, String> BOTH = Map.of("rare-earth", "稀土", "wind", "风电装备");

	@Test
	void aWriteTouchingSeveralChainsNeedsTheLeadOfEveryOne() {
		assertThatCode(() -> WriteRights.requireEvery(LEAD_OF_BOTH, "createPlatform", "platform 'x'", BOTH))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> WriteRights.requireEvery(LEAD_OF_ONE, "createPlatform", "platform 'x'", BOTH))
			.isInstanceOf(NotPermitted.class)
			.hasMessageContaining("chain wind (风电装备)")
			.hasMessageNotContaining("rare-earth (稀土)");
	}

	@Test
	void aCompanySharedByChainsMayBeChangedByTheLeadOfAnyOfThem() {
		assertThatCode(() -> WriteRights.requireAny(LEAD_OF_ONE, "updateCompany", "company 'x'", BOTH))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> WriteRights.requireAny(LEAD_OF_ONE, "updateCompany", "company 'x'",
				Map.of("pv", "晶硅光伏", "wind", "风电装备")))
			.isInstanceOf(NotPermitted.class)
			.hasMessageContaining("chains pv (晶硅光伏), wind (风电装备), none of which this login leads");
	}

	@Test
	void whatBelongsToNoChainIsAnAdminsAlone() {
		assertThatCode(() -> WriteRights.requireAny(ADMIN, "updateCompany", "company 'x'", Map.of()))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> WriteRights.requireAny(LEAD_OF_BOTH, "updateCompany", "company 'x'", Map.of()))
			.isInstanceOf(NotPermitted.class)
			.hasMessageContaining("belongs to no chain");
		assertThatThrownBy(() -> WriteRights.requireEvery(Caller.ANONYMOUS, "updateCompany", "company 'x'", Map.of()))
			.isInstanceOf(NotAuthenticated.class)
			.hasMessageContaining("log in as an ADMIN");
	}

	@Test
	void aLoginWithoutAWritingRoleOnlyReadsWhateverChainsItNames() {
		assertThatThrownBy(
				() -> WriteRights.requireEvery(NO_ROLE, "setCapacity", "product 'x'", Map.of("rare-earth", "稀土")))
			.isInstanceOf(NotPermitted.class)
			.hasMessageContaining("may only read")
			.hasMessageContaining("CHAIN_LEAD of chain rare-earth (稀土)");
	}

	@Test
	void anAnonymousCallerIsToldWhichLoginTheWriteNeeds() {
		assertThatThrownBy(
				() -> WriteRights.requireEvery(Caller.ANONYMOUS, "setCapacity", "product 'x'", Map.of("pv", "晶硅光伏")))
			.isInstanceOf(NotAuthenticated.class)
			.hasMessageContaining("needs a login")
			.hasMessageContaining("CHAIN_LEAD of chain pv (晶硅光伏) or an ADMIN");
	}

}
