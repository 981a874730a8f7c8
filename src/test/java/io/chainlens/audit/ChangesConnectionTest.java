package io.chainlens.audit;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail as a connection, on the {@code region-matrix} fixture with three
 * changes of the PV chain written by hand: c1 on 1 May, c2 and c3 at one instant on 2 May
 * (ordered by id, newest first: c3, c2, c1).
 */
@ChainlensTest
class ChangesConnectionTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void load() {
		graph.fixture("region-matrix");
		change("c1", "2024-05-01T08:00:00Z");
		change("c2", "2024-05-02T08:00:00.5Z");
		change("c3", "2024-05-02T08:00:00.5Z");
	}

	@Test
	void aNewChangeComesBeforeThePagesReadAndShiftsNone() {
		var first = page("pv", 2, null);
		first.path("changesConnection.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("changesConnection.edges[*].node.id").entityList(String.class).containsExactly("c3", "c2");
		change("c4", "2024-05-03T08:00:00Z");
		var second = page("pv", 2, first.path("changesConnection.pageInfo.endCursor").entity(String.class).get());
		second.path("changesConnection.edges[*].node.id").entityList(String.class).containsExactly("c1");
		second.path("changesConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("changesConnection.totalCount").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void aCursorOfAnotherChainsTrailOrAnUnknownChainIsRefusedNamingTheArgument() {
		String cursor = page("pv", 1, null).path("changesConnection.pageInfo.endCursor").entity(String.class).get();
		graph.write("CREATE (:Chain {id: 'other', nameZh: '其他', name: 'Other', source: 'estimate: test'})", Map.of());
		graph.changed();
		page("other", 1, cursor).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'after'").contains("changesConnection(pv)")));
		page("no-such-chain", 1, null).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
	}

	@Test
	void theWholeTrailIsForAnAdminOnly() {
		graphQl.document("{ allChangesConnection(first: 2) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("allChangesConnection").contains("ADMIN")));
		graphQl.mutate()
			.headers(h -> h.setBasicAuth("admin", "admin-demo"))
			.build()
			.document("{ allChangesConnection(first: 2) { totalCount edges { node { id } } } }")
			.execute()
			.path("allChangesConnection.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("c3", "c2");
	}

	private GraphQlTester.Response page(String chainId, int first, String after) {
		return graphQl.documentName("connections")
			.operationName("changesPage")
			.variable("chainId", chainId)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private void change(String id, String at) {
		graph.write(
				"""
						MATCH (pv:Chain {id: 'pv'})
						CREATE (:Change {id: $id, at: datetime($at), user: 'admin', operation: 'setCapacity',
						                 entity: 'Production', entityId: 'gcl-xuzhou/pv-wafer/OPERATING', source: 'estimate: test'})
						       -[:ON_CHAIN]->(pv)""",
				Map.of("id", id, "at", at));
		graph.changed();
	}

}
