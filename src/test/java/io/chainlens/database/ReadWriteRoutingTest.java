package io.chainlens.database;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.SeedSharingWrites;
import io.chainlens.SessionRecorder;
import io.chainlens.SessionRecorder.Work;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of the API reaches the database in read transactions, which a cluster
 * (neo4j:// routing) sends to its followers; mutations write in write transactions, and
 * the reads after a write start from its bookmark, so they see it on any member.
 */
class ReadWriteRoutingTest extends SeedSharingWrites {

	@Autowired
	SessionRecorder sessions;

	@Autowired
	GraphQlSource graphQlSource;

	private final Set<String> queryFieldsRun = new HashSet<>();

	private List<Consumer<HttpGraphQlTester>> everyQuery() {
		return List.of(document("chains"), document("chainNested"), document("companiesLinks"),
				document("localSupport"), document("deepestAllowed"),
				g -> run(g,
						"query($id: ID!) { chain(id: $id) { nameZh segments { products { id } } policyItems { number } } }",
						Map.of("id", "rare-earth")),
				g -> run(g,
						"query($id: ID!) { product(id: $id) { nameZh chains { id } producers { company { id } } } }",
						Map.of("id", "pv-polysilicon")),
				g -> run(g, "{ focusRegion { nameZh } dataDate policyItems { number chains { id } } }", Map.of()),
				g -> run(g, new ClassPathResource("warm-up.graphql"), Map.of()),
				document("company", Map.of("id", "tongwei")), document("companyLinks", Map.of("id", "tongwei")),
				document("searchCompanies", Map.of("text", "稀土")), document("balance", Map.of("chainId", "rare-earth")),
				document("gaps", Map.of("chainId", "rare-earth")), document("gapsAllNested", Map.of()),
				document("gapsWithCandidates", Map.of("chainId", "pv", "first", 3, "candidates", 2)),
				document("candidates", Map.of("productId", "pv-polysilicon")),
				document("impact", Map.of("companyId", "baogang")), document("changes", Map.of("chainId", "pv")),
				document("everyFact"), g -> run(g, "{ policyItem(number: 20) { targets { id } } }", Map.of()),
				g -> run(g,
						"""
								{ supplyPaths(from: "rare-earth-prnd-metal", to: "wind-turbine") { hops }
								  regions(parent: "包头市") { id parent { id } }
								  regionRanking(productId: "pv-polysilicon") { rank leaders { company { id } } }
								  regionMatrix(chainId: "pv") { cells { knownCapacity } }
								  companies(filter: {region: "包头市"}, first: 3) { totalCount edges { node { id } } }
								  companyAggregate(groupBy: CHAIN) { key knownCapacity }
								  ranked: regionRanking(productId: "pv-polysilicon", by: "SELF_SUFFICIENCY") { selfSufficiency }
								  matrix: regionMatrix(chainId: "pv", first: 3) { cells { selfSufficiency gaps } }
								  searchCompaniesConnection(text: "稀土", first: 2) { totalCount edges { cursor } }
								  changesConnection(chainId: "pv", first: 2) { totalCount edges { node { id } } }
								  product(id: "pv-polysilicon") { producersConnection(first: 2) { totalCount } }
								  chain(id: "pv") { companiesConnection(first: 2) { totalCount } }
								  focusRegion { companiesConnection(first: 2) { totalCount } sitesConnection(first: 2) { totalCount } } }""",
						Map.of()),
				g -> run(g.mutate().headers(h -> h.setBasicAuth("admin", "admin-demo")).build(),
						"{ allChanges(first: 5) { id } allChangesConnection(first: 5) { totalCount } }", Map.of()),
				g -> run(g.mutate().headers(h -> h.setBasicAuth("investment", "investment-demo")).build(), """
						{ leads(first: 2) { totalCount } lead(id: "none") { id } leadCounts { count }
						  gapsWithoutLeads(chainId: "pv") { kind pipeline { addedCapacity } }
						  matchmaking(chainId: "pv", first: 2) { volume } }""", Map.of()));
	}

	@Test
	void everyQueryOfTheApiReadsInReadTransactions() {
		List<Work> work = sessions.workDuring(() -> everyQuery().forEach(query -> query.accept(graphQl)));

		assertThat(queryFieldsRun).as("every field of Query is among the queries run")
			.containsAll(graphQlSource.schema()
				.getQueryType()
				.getFieldDefinitions()
				.stream()
				.map(f -> f.getName())
				.toList());
		assertThat(work).as("the queries reached the database").hasSizeGreaterThan(20);
		assertThat(work).filteredOn(w -> w.mode() != AccessMode.READ).as("work sent in WRITE mode").isEmpty();
	}

	@Test
	void aMutationWritesInAWriteTransactionAndTheReadsAfterItStartFromItsBookmark() {
		List<Work> mutation = sessions.workDuring(() -> admin().documentName("updateCompany")
			.variable("input", Map.of("id", "baogang", "aliases", List.of("包钢", "Baogang"), "source", "estimate: test"))
			.execute()
			.path("updateCompany.aliases")
			.entityList(String.class)
			.containsExactly("包钢", "Baogang"));
		assertThat(mutation).extracting(Work::mode).contains(AccessMode.WRITE);

		// the write's session ends with the bookmark of its commit; the mutation then
		// reads
		// what it wrote for its answer, and must see it even on a follower that lags
		SessionRecorder.Recording rename = sessions
			.during(() -> admin().document("mutation($input: CompanyUpdate!) { updateCompany(input: $input) { name } }")
				.variable("input", Map.of("id", "baogang", "name", "Baotou Steel (test)", "source", "estimate: test"))
				.execute()
				.path("updateCompany.name")
				.entity(String.class)
				.isEqualTo("Baotou Steel (test)"));
		SessionRecorder.Closed write = rename.closed()
			.stream()
			.filter(c -> c.modes().contains(AccessMode.WRITE))
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(write.lastBookmarks()).isNotEmpty();
		assertThat(rename.work()).filteredOn(w -> w.session() > write.session())
			.as("the reads after the write")
			.isNotEmpty()
			.allSatisfy(w -> {
				assertThat(w.mode()).isEqualTo(AccessMode.READ);
				assertThat(w.startBookmarks()).containsAll(write.lastBookmarks());
			});
		Set<Bookmark> newest = rename.closed().get(rename.closed().size() - 1).lastBookmarks();

		// the next request goes on from there
		List<Work> read = sessions.workDuring(() -> graphQl.documentName("company")
			.variable("id", "baogang")
			.execute()
			.path("company.name")
			.entity(String.class)
			.isEqualTo("Baotou Steel (test)"));
		assertThat(read).isNotEmpty().allSatisfy(w -> {
			assertThat(w.mode()).isEqualTo(AccessMode.READ);
			assertThat(w.startBookmarks()).containsAll(newest);
		});
	}

	private GraphQlTester admin() {
		return graphQl.mutate().headers(h -> h.setBasicAuth("admin", "admin-demo")).build();
	}

	private Consumer<HttpGraphQlTester> document(String name) {
		return document(name, Map.of());
	}

	private Consumer<HttpGraphQlTester> document(String name, Map<String, Object> variables) {
		return g -> run(g, new ClassPathResource("graphql-test/" + name + ".graphql"), variables);
	}

	private void run(HttpGraphQlTester g, ClassPathResource resource, Map<String, Object> variables) {
		try {
			run(g, resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), variables);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void run(HttpGraphQlTester g, String document, Map<String, Object> variables) {
		Document parsed = Parser.parse(document);
		parsed.getDefinitionsOfType(OperationDefinition.class)
			.forEach(op -> op.getSelectionSet()
				.getSelectionsOfType(Field.class)
				.forEach(field -> queryFieldsRun.add(field.getName())));
		GraphQlTester.Request<?> request = g.document(document);
		variables.forEach(request::variable);
		request.execute().errors().verify();
	}

}
