package io.chainlens.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad lead input is refused with a message naming the field, and writes nothing: a
 * backward move, a date before the previous stage's, an unknown company, product or unit,
 * a negative amount, a unit that does not convert to the product's, and the others.
 */
class RefusedLeadInputTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: refused lead input test";

	@BeforeAll
	void aSignedLead() {
		admin().documentName("createLead")
			.variable("input", lead(Map.of()))
			.execute()
			.path("createLead.id")
			.entity(String.class)
			.isEqualTo("refused-test");
		admin().documentName("moveLead")
			.variable("input", Map.of("id", "refused-test", "stage", "SIGNED", "on", "2024-03-01", "source", SOURCE))
			.execute()
			.path("moveLead.stage")
			.entity(String.class)
			.isEqualTo("SIGNED");
		graph.changed();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(create("an unknown company", Map.of("id", "x1", "companyId", "no-such-company"), "companyId"),
				create("both a company and a new one",
						Map.of("id", "x2", "newCompany", Map.of("id", "new-co", "nameZh", "新公司", "name", "New Co")),
						"newCompany"),
				create("an unknown product", Map.of("id", "x3", "products", List.of(Map.of("productId", "no-such"))),
						"products"),
				create("a unit that does not convert",
						Map.of("id", "x4", "products",
								List.of(Map.of("productId", "pv-polysilicon", "capacity", 5, "unit", "GW"))),
						"products[0].unit"),
				create("a negative capacity",
						Map.of("id", "x5", "products",
								List.of(Map.of("productId", "pv-polysilicon", "capacity", -1, "unit", "t"))),
						"products[0].capacity"),
				create("a negative investment", Map.of("id", "x6", "investment", -2.0), "investment"),
				create("an unknown owning unit", Map.of("id", "x7", "ownerUnitId", "no-such-unit"), "ownerUnitId"),
				create("a later stage at creation", Map.of("id", "x8", "stage", "SIGNED"), "stage"),
				create("a region outside the city", Map.of("id", "x9", "region", "江苏省"), "region"),
				create("a day still to come", Map.of("id", "x10", "on", "2099-01-01"), "on"),
				create("a date that is none", Map.of("id", "x11", "on", "2024-13-01"), "on"),
				create("a source of no kind", Map.of("id", "x12", "source", "my notes"), "source"),
				create("an id taken", Map.of("id", "refused-test"), "id"),
				Arguments.of("a backward move", "moveLead",
						Map.of("id", "refused-test", "stage", "PRELIMINARY", "on", "2024-04-01", "source", SOURCE),
						"stage"),
				Arguments.of("a move dated before the previous stage", "moveLead",
						Map.of("id", "refused-test", "stage", "CONSTRUCTION", "on", "2024-02-01", "source", SOURCE),
						"on"),
				Arguments.of("a drop through moveLead", "moveLead",
						Map.of("id", "refused-test", "stage", "DROPPED", "on", "2024-04-01", "source", SOURCE),
						"stage"),
				Arguments.of("a move of an unknown lead", "moveLead",
						Map.of("id", "no-such-lead", "stage", "SIGNED", "source", SOURCE), "no-such-lead"),
				Arguments.of("a next step due before the contact", "addLeadContact",
						Map.of("leadId", "refused-test", "on", "2024-03-05", "who", "市商务局", "agreed", "再谈", "nextStep",
								"回访", "due", "2024-03-01"),
						"due"),
				Arguments.of("a due date without a next step", "addLeadContact",
						Map.of("leadId", "refused-test", "on", "2024-03-05", "who", "市商务局", "agreed", "再谈", "due",
								"2024-04-01"),
						"due"),
				Arguments.of("a drop without a reason", "dropLead",
						Map.of("id", "refused-test", "reason", " ", "on", "2024-04-01"), "reason"),
				Arguments.of("a drop dated before the signing", "dropLead",
						Map.of("id", "refused-test", "reason", "转投他市", "on", "2024-02-01"), "on"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void aBadInputIsRefusedNamingItsFieldAndWritesNothing(String what, String mutation, Map<String, Object> input,
			String named) {
		String before = graph.fingerprint();

		admin().documentName(mutation)
			.variable("input", input)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains(named)));

		assertThat(graph.fingerprint()).as("the graph after " + what).isEqualTo(before);
	}

	private static Arguments create(String what, Map<String, Object> changes, String named) {
		return Arguments.of(what, "createLead", lead(changes), named);
	}

	private static Map<String, Object> lead(Map<String, Object> changes) {
		Map<String, Object> input = new HashMap<>(Map.of("id", "refused-test", "title", "refused", "companyId",
				"tongwei", "products", List.of(Map.of("productId", "pv-polysilicon", "capacity", 10, "unit", "万t")),
				"ownerUnitId", "baotou-commerce", "stage", "PRELIMINARY", "on", "2024-01-15", "source", SOURCE));
		input.putAll(changes);
		return input;
	}

	private HttpGraphQlTester admin() {
		return graphQl.mutate().headers(h -> h.setBasicAuth("admin", "admin-demo")).build();
	}

}
