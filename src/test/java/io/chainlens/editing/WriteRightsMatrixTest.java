package io.chainlens.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.chainlens.SeedSharingWrites;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller × every mutation on a rare-earth and a PV subject: a lead writes its own
 * chain and nothing else, an analyst and an anonymous caller write nothing, an admin
 * writes everything. Every refusal names the chain and leaves the graph exactly as it
 * was; every allowed write leaves one change in that chain's audit trail.
 *
 * <p>
 * The cases write distinct things (ids carry the caller and chain), so they share one
 * load of the seed graph.
 */
class WriteRightsMatrixTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: write-rights matrix test";

	/** What a chain's writes are about. */
	enum Subject {

		RARE_EARTH("rare-earth", "rare-earth-ndfeb-magnet", "jl-mag", "baotou-rare-earth-hi-tech", "tianhe-magnetics"),
		PV("pv", "pv-polysilicon", "tongwei", "baotou-kundulun", "hoyuan");

		final String chain;

		final String product;

		final String company;

		final String region;

		final String customer;

		Subject(String chain, String product, String company, String region, String customer) {
			this.chain = chain;
			this.product = product;
			this.company = company;
			this.region = region;
			this.customer = customer;
		}

	}

	/** A mutation, its input for a subject, and what must exist before it runs. */
	enum Mutation {

		SET_CAPACITY("setCapacity") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("companyId", s.company, "productId", s.product, "region", s.region, "capacity", 1.5, "unit",
						"万t", "status", "PLANNED", "year", 2025, "source", SOURCE);
			}
		},
		CREATE_COMPANY("createCompany") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-company", "nameZh", "矩阵测试公司", "name", "Matrix Test Co", "chainId", s.chain,
						"source", SOURCE);
			}
		},
		UPDATE_COMPANY("updateCompany") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", s.company, "note", "checked by " + tag, "source", SOURCE);
			}
		},
		CREATE_SITE("createSite") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("companyId", s.company, "region", "baotou-qingshan", "id", tag + "-site", "source", SOURCE);
			}
		},
		CREATE_PROJECT("createProject") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-project", "nameZh", "矩阵测试项目", "companyId", s.company, "productIds",
						List.of(s.product), "capacity", 2, "unit", "万t", "status", "PLANNED", "source", SOURCE);
			}
		},
		UPDATE_PROJECT("updateProject") {
			@Override
			void setUp(TestGraph graph, Subject s, String tag) {
				plannedProject(graph, s, tag + "-update");
			}

			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-update", "nameZh", "改名的项目", "source", SOURCE);
			}
		},
		CHANGE_PROJECT_STATUS("changeProjectStatus") {
			@Override
			void setUp(TestGraph graph, Subject s, String tag) {
				plannedProject(graph, s, tag + "-status");
			}

			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-status", "status", "UNDER_CONSTRUCTION", "source", SOURCE);
			}
		},
		CREATE_PLATFORM("createPlatform") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-platform", "nameZh", "矩阵测试实验室", "name", "Matrix Test Lab", "kind", "LAB",
						"chainIds", List.of(s.chain), "source", SOURCE);
			}
		},
		UPDATE_PLATFORM("updatePlatform") {
			@Override
			void setUp(TestGraph graph, Subject s, String tag) {
				graph.write("""
						MATCH (c:Chain {id: $chain})
						MERGE (pl:Platform {id: $id})
						SET pl.nameZh = '测试平台', pl.name = 'Test platform', pl.kind = 'LAB', pl.source = $source
						MERGE (pl)-[:SUPPORTS]->(c)""",
						Map.of("chain", s.chain, "id", tag + "-platform-update", "source", SOURCE));
			}

			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-platform-update", "kind", "PILOT_BASE", "source", SOURCE);
			}
		},
		SET_TARGET("setTarget") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("id", tag + "-target", "productId", s.product, "metric", "CAPACITY", "value", 3, "unit",
						"万t", "year", 2025, "source", SOURCE);
			}
		},
		ADD_SUPPLY_LINK("addSupplyLink") {
			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("supplierId", s.company, "customerId", s.customer, "productId", s.product, "source", SOURCE);
			}
		},
		REMOVE_SUPPLY_LINK("removeSupplyLink") {
			@Override
			void setUp(TestGraph graph, Subject s, String tag) {
				graph.write("""
						MATCH (a:Company {id: $supplier}), (b:Company {id: $customer})
						MERGE (a)-[l:SUPPLIES {productId: $product}]->(b)
						SET l.source = $source""",
						Map.of("supplier", s.company, "customer", s.customer, "product", s.product, "source", SOURCE));
			}

			@Override
			Map<String, Object> input(Subject s, String tag) {
				return map("supplierId", s.company, "customerId", s.customer, "productId", s.product, "source",
						"public: matrix test, the link ended");
			}
		};

		final String document;

		Mutation(String document) {
			this.document = document;
		}

		void setUp(TestGraph graph, Subject subject, String tag) {
		}

		abstract Map<String, Object> input(Subject subject, String tag);

		static void plannedProject(TestGraph graph, Subject s, String id) {
			graph.write("""
					MATCH (p:Product {id: $product})
					MERGE (pr:Project {id: $id})
					SET pr.nameZh = '测试项目', pr.name = 'Test project', pr.status = 'PLANNED', pr.source = $source
					MERGE (pr)-[:FOR_PRODUCT]->(p)""", Map.of("product", s.product, "id", id, "source", SOURCE));
		}

	}

	/**
	 * The rights under test, as a table: what refuses a caller on a subject, if anything.
	 */
	static Optional<ErrorType> refusal(Login login, Subject subject) {
		return switch (login) {
			case ANONYMOUS -> Optional.of(ErrorType.UNAUTHORIZED);
			// the investment bureau works the leads (LeadRightsMatrixTest), not the
			// chains' facts
			case ANALYST, INVESTMENT -> Optional.of(ErrorType.FORBIDDEN);
			case LEAD_RARE_EARTH -> subject == Subject.RARE_EARTH ? Optional.empty() : Optional.of(ErrorType.FORBIDDEN);
			case LEAD_PV -> subject == Subject.PV ? Optional.empty() : Optional.of(ErrorType.FORBIDDEN);
			case ADMIN -> Optional.empty();
		};
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Login login : Login.values()) {
			for (Mutation mutation : Mutation.values()) {
				for (Subject subject : Subject.values()) {
					cases.add(Arguments.of(login, mutation, subject));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} on {2}")
	@MethodSource("cases")
	void aWriteIsAllowedExactlyToTheLeadOfItsChainAndToAdminsAndARefusalChangesNothing(Login login, Mutation mutation,
			Subject subject) {
		String tag = "matrix-" + login.tag() + "-" + subject.chain;
		mutation.setUp(graph, subject, tag);
		String before = graph.fingerprint();
		long changes = changesOnChain(mutation, login, subject);

		GraphQlTester.Response response = login.as(graphQl)
			.documentName(mutation.document)
			.variable("input", mutation.input(subject, tag))
			.execute();

		Optional<ErrorType> refusal = refusal(login, subject);
		if (refusal.isPresent()) {
			response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(refusal.get());
				assertThat(error.getMessage()).contains("chain " + subject.chain);
			}));
			assertThat(graph.fingerprint()).as("the graph after a refused write").isEqualTo(before);
		}
		else {
			response.path(mutation.document).hasValue();
			assertThat(changesOnChain(mutation, login, subject)).as("changes recorded").isEqualTo(changes + 1);
		}
	}

	private long changesOnChain(Mutation mutation, Login login, Subject subject) {
		return (long) graph
			.rows("""
					MATCH (c:Change {operation: $operation, user: $user})-[:ON_CHAIN]->(:Chain {id: $chain})
					RETURN count(c) AS changes""",
					Map.of("operation", mutation.document, "user", login.user == null ? "anonymous" : login.user,
							"chain", subject.chain))
			.get(0)
			.get("changes");
	}

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
