package io.chainlens.audit;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.SeedSharingWrites;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

/**
 * Every allowed write leaves who, when, what and the values before and after; a write
 * whose record fails leaves nothing at all.
 */
class AuditTrailTest extends SeedSharingWrites {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	AuditTrail audit;

	private HttpGraphQlTester as(String user, String password) {
		return graphQl.mutate().headers(h -> h.setBasicAuth(user, password)).build();
	}

	private static Map<String, Object> capacity(String region, double capacity, String unit, String status) {
		return new HashMap<>(Map.of("companyId", "jl-mag", "productId", "rare-earth-ndfeb-magnet", "region", region,
				"capacity", capacity, "unit", unit, "status", status, "source",
				"public: JL Mag annual report 2024, p. 12"));
	}

	private List<Change> changes(String chainId, String since, int first) {
		return graphQl.documentName("changes")
			.variable("chainId", chainId)
			.variable("since", since)
			.variable("first", first)
			.execute()
			.path("changes")
			.entityList(Change.class)
			.get();
	}

	@Test
	void anAllowedWriteRecordsWhoWhenWhatAndTheValuesBeforeAndAfter() {
		String before = graph.fingerprint();

		as("lead-rare-earth", "rare-earth-demo").documentName("setCapacity")
			.variable("input", capacity("稀土高新区", 2.5, "万t", "OPERATING"))
			.execute()
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(25000.0);

		assertThat(graph.fingerprint()).as("the graph after a write").isNotEqualTo(before);
		Change change = changes("rare-earth", null, 1).get(0);
		assertThat(change.user()).isEqualTo("lead-rare-earth");
		assertThat(change.operation()).isEqualTo("setCapacity");
		assertThat(change.entity()).isEqualTo("Production");
		assertThat(change.entityId()).isEqualTo("jl-mag-rare-earth-hi-tech/rare-earth-ndfeb-magnet/OPERATING");
		assertThat(change.chainIds()).containsExactly("rare-earth");
		assertThat(change.source()).isEqualTo("public: JL Mag annual report 2024, p. 12");
		assertThat(change.at()).endsWith("Z");
		JsonNode was = JSON.readTree(change.before());
		JsonNode is = JSON.readTree(change.after());
		// the seed's line: 20,000 t of blanks as published, 14,080 t of finished magnet
		// (common/conversions.csv: t-blank × 0.704)
		assertThat(was.get("capacity").asDouble()).isEqualTo(14080.0);
		assertThat(was.get("source").asString()).doesNotContain("JL Mag annual report 2024");
		assertThat(is.get("capacity").asDouble()).isEqualTo(25000.0);
		assertThat(is.get("unit").asString()).isEqualTo("t");
		assertThat(is.get("writtenAs").asString()).isEqualTo("2.5 万t");
		assertThat(is.get("status").asString()).isEqualTo("OPERATING");
		assertThat(is.get("site").asString()).isEqualTo("jl-mag-rare-earth-hi-tech");
		assertThat(is.get("source").asString()).isEqualTo("public: JL Mag annual report 2024, p. 12");
	}

	@Test
	void changesComeNewestFirstAndSinceLeavesOutOlderOnes() {
		as("admin", "admin-demo").documentName("setCapacity")
			.variable("input", capacity("稀土高新区", 1, "万t", "PLANNED"))
			.execute()
			.path("setCapacity")
			.hasValue();
		as("admin", "admin-demo").documentName("setCapacity")
			.variable("input", capacity("稀土高新区", 2, "万t", "PLANNED"))
			.execute()
			.path("setCapacity")
			.hasValue();

		List<Change> newest = changes("rare-earth", null, 2);
		assertThat(newest).extracting(c -> JSON.readTree(c.after()).get("capacity").asDouble())
			.containsExactly(20000.0, 10000.0);
		assertThat(JSON.readTree(newest.get(0).before()).get("capacity").asDouble()).isEqualTo(10000.0);
		assertThat(newest.get(1).before()).as("the first write created the line").isNull();

		assertThat(changes("rare-earth", newest.get(0).at(), 50)).extracting(Change::id)
			.contains(newest.get(0).id())
			.doesNotContain(newest.get(1).id());
		assertThat(changes("rare-earth", "2999-01-01", 50)).isEmpty();
		assertThat(changes("pv", null, 50)).extracting(Change::entityId)
			.noneMatch(id -> id.contains("rare-earth-ndfeb-magnet"));
	}

	@Test
	void aWriteWhoseRecordFailsLeavesNothingBehind() {
		doThrow(new IllegalStateException("the audit trail cannot be written")).when(audit)
			.record(any(), any(), any(), any());
		// setCapacity says what it touched
		doThrow(new IllegalStateException("the audit trail cannot be written")).when(audit)
			.record(any(), any(), any(), any(), any());
		String before = graph.fingerprint();

		// would create a new site (jl-mag has none in 九原区) and a capacity line
		as("lead-rare-earth", "rare-earth-demo").documentName("setCapacity")
			.variable("input", capacity("九原区", 3, "万t", "PLANNED"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.INTERNAL_ERROR);

		assertThat(graph.fingerprint()).isEqualTo(before);
		assertThat(graph.count("MATCH (s:Site {id: 'jl-mag-baotou-jiuyuan'}) RETURN count(s)")).isZero();
	}

	@Test
	void aCompanyAddedForAChainIsThatChainsLeadsToChange() {
		as("lead-rare-earth", "rare-earth-demo").documentName("createCompany")
			.variable("input",
					Map.of("nameZh", "包头新磁材", "name", "Baotou New Magnet Co", "aliases", List.of("新磁材"), "headquarters",
							"包头市", "source", "public: 包头日报 2024-05-02"))
			.execute()
			.path("createCompany.id")
			.entity(String.class)
			.isEqualTo("baotou-new-magnet-co")
			.path("createCompany.headquarters.id")
			.entity(String.class)
			.isEqualTo("baotou");

		as("lead-rare-earth", "rare-earth-demo").documentName("updateCompany")
			.variable("input",
					Map.of("id", "baotou-new-magnet-co", "aliases", List.of("新磁材", "BNM"), "source",
							"public: 企业信用信息公示系统 2024-05-03"))
			.execute()
			.path("updateCompany.aliases")
			.entityList(String.class)
			.containsExactly("新磁材", "BNM")
			.path("updateCompany.source")
			.entity(String.class)
			.isEqualTo("public: 包头日报 2024-05-02; public: 企业信用信息公示系统 2024-05-03");
		as("lead-pv", "pv-demo").documentName("updateCompany")
			.variable("input", Map.of("id", "baotou-new-magnet-co", "name", "Other", "source", "estimate: test"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("chain rare-earth"));

		assertThat(changes("rare-earth", null, 50)).filteredOn(c -> c.entityId().equals("baotou-new-magnet-co"))
			.extracting(Change::operation)
			.containsExactly("updateCompany", "createCompany");
	}

	@Test
	void anAdminReadsTheWritesOfNoChainInTheWholeTrail() {
		as("admin", "admin-demo").documentName("createCompany")
			.variable("input",
					Map.of("nameZh", "无链企业", "name", "No Chain Holding Co", "source", "estimate: audit test"))
			.execute()
			.path("createCompany.id")
			.entity(String.class)
			.isEqualTo("no-chain-holding-co");
		List<String> chains = graphQl.documentName("chains")
			.execute()
			.path("chains[*].id")
			.entityList(String.class)
			.get();
		for (String chain : chains) {
			assertThat(changes(chain, null, 100)).noneMatch(c -> c.entityId().equals("no-chain-holding-co"));
		}

		List<Change> all = as("admin", "admin-demo").documentName("allChanges")
			.variable("first", 100)
			.execute()
			.path("allChanges")
			.entityList(Change.class)
			.get();

		Change created = all.get(0);
		assertThat(created.operation()).isEqualTo("createCompany");
		assertThat(created.entityId()).isEqualTo("no-chain-holding-co");
		assertThat(created.user()).isEqualTo("admin");
		assertThat(created.chainIds()).isEmpty();
		assertThat(all).extracting(c -> OffsetDateTime.parse(c.at())).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(as("admin", "admin-demo").documentName("allChanges")
			.variable("since", "2999-01-01")
			.execute()
			.path("allChanges")
			.entityList(Change.class)
			.get()).isEmpty();
	}

	@Test
	void theWholeTrailIsRefusedToAnyoneButAnAdmin() {
		graphQl.documentName("allChanges")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED && e.getMessage().contains("ADMIN"))
			.verify();
		for (String[] login : List.of(new String[] { "analyst", "analyst-demo" },
				new String[] { "lead-pv", "pv-demo" })) {
			as(login[0], login[1]).documentName("allChanges")
				.execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("for an ADMIN"))
				.verify();
		}
	}

	@Test
	void theTrailOfAnUnknownChainIsNotFoundAndABadSinceIsABadRequest() {
		graphQl.documentName("changes")
			.variable("chainId", "no-such-chain")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("no-such-chain"));
		graphQl.documentName("changes")
			.variable("chainId", "pv")
			.variable("since", "last Tuesday")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("ISO-8601"));
	}

}
