package io.chainlens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.SeedSharingWrites;
import io.chainlens.editing.Login;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller × every read and write of the pipeline on a PV lead: the INVESTMENT role
 * and an ADMIN do everything; the PV chain lead works its own chain's leads and nothing
 * of another chain; an ANALYST sees counts only; an anonymous caller nothing. A refused
 * write leaves the graph exactly as it was.
 */
class LeadRightsMatrixTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: lead rights matrix test";

	/** What is tried, with the outcome for each login. */
	enum Operation {

		CREATE(true), MOVE(true), CONTACT(true), DROP(true), READ_LEADS(false), READ_LEAD(false), COUNTS(false),
		GAPS_WITHOUT_LEADS(false), PIPELINE_SCENARIO(false);

		final boolean writes;

		Operation(boolean writes) {
			this.writes = writes;
		}

		/** The refusal this login gets, or null when allowed. */
		ErrorType refusal(Login login) {
			if (login == Login.ANONYMOUS) {
				return ErrorType.UNAUTHORIZED;
			}
			if (this == COUNTS) {
				return null;
			}
			return worksPvLeads(login) ? null : ErrorType.FORBIDDEN;
		}

	}

	/** Whether this login reads and writes the PV chain's leads. */
	static boolean worksPvLeads(Login login) {
		return login == Login.LEAD_PV || login == Login.INVESTMENT || login == Login.ADMIN;
	}

	@BeforeAll
	void leadsToWorkOn() {
		// one PV lead per login and write, so that each case has its own
		for (Login login : Login.values()) {
			for (Operation operation : List.of(Operation.MOVE, Operation.CONTACT, Operation.DROP)) {
				Login.ADMIN.as(graphQl)
					.documentName("createLead")
					.variable("input", Map.of("id", id(login, operation), "title", "matrix", "companyId", "tongwei",
							"products", List.of(Map.of("productId", "pv-polysilicon", "capacity", 1, "unit", "万t")),
							"ownerUnitId", "baotou-commerce", "stage", "RESERVE", "on", "2024-01-01", "source", SOURCE))
					.execute()
					.path("createLead.id")
					.hasValue();
			}
		}
		graph.changed();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Login login : Login.values()) {
			for (Operation operation : Operation.values()) {
				cases.add(Arguments.of(login, operation));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void theInvestmentBureauAndThePvLeadWorkPvLeadsAnalystsCountAndAnonymousSeesNothing(Login login,
			Operation operation) {
		String before = graph.fingerprint();
		GraphQlTester.Response response = request(login.as(graphQl), login, operation).execute();

		ErrorType refusal = operation.refusal(login);
		if (refusal != null) {
			response.errors()
				.satisfy(errors -> assertThat(errors).isNotEmpty()
					.allSatisfy(error -> assertThat(error.getErrorType()).isEqualTo(refusal)));
			if (operation.writes) {
				assertThat(graph.fingerprint()).as("the graph after a refused write").isEqualTo(before);
			}
		}
		else {
			response.errors().verify();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("logins")
	void noOneButTheirLeadUnitTheBureauAndAdminsWorksARareEarthLead(Login login) {
		String before = graph.fingerprint();
		GraphQlTester.Response response = login.as(graphQl)
			.documentName("createLead")
			.variable("input",
					Map.of("id", "matrix-re-" + login.tag(), "title", "matrix", "companyId", "tongwei", "products",
							List.of(Map.of("productId", "rare-earth-ndfeb-magnet")), "ownerUnitId", "baotou-commerce",
							"on", "2024-01-01", "source", SOURCE))
			.execute();
		if (login == Login.LEAD_RARE_EARTH || login == Login.INVESTMENT || login == Login.ADMIN) {
			response.path("createLead.chains[*].id").entityList(String.class).containsExactly("rare-earth");
			graph.changed();
		}
		else {
			response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType())
					.isEqualTo(login == Login.ANONYMOUS ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN);
			}));
			assertThat(graph.fingerprint()).isEqualTo(before);
		}
	}

	static Stream<Login> logins() {
		return Stream.of(Login.values());
	}

	private GraphQlTester.Request<?> request(HttpGraphQlTester tester, Login login, Operation operation) {
		return switch (operation) {
			case CREATE -> tester.documentName("createLead")
				.variable("input",
						Map.of("id", "matrix-new-" + login.tag(), "title", "matrix", "companyId", "daqo", "products",
								List.of(Map.of("productId", "pv-polysilicon")), "ownerUnitId", "baotou-commerce", "on",
								"2024-01-01", "source", SOURCE));
			case MOVE -> tester.documentName("moveLead")
				.variable("input", Map.of("id", id(login, operation), "stage", "PRELIMINARY", "on", "2024-02-01",
						"source", SOURCE));
			case CONTACT -> tester.documentName("addLeadContact")
				.variable("input",
						Map.of("leadId", id(login, operation), "on", "2024-02-01", "who", "市商务局", "agreed", "再谈"));
			case DROP -> tester.documentName("dropLead")
				.variable("input", Map.of("id", id(login, operation), "reason", "test", "on", "2024-02-01"));
			case READ_LEADS -> tester.documentName("leads").variable("chainId", "pv");
			case READ_LEAD -> tester.document("query($id: ID!) { lead(id: $id) { id investment } }")
				.variable("id", id(Login.ADMIN, Operation.MOVE));
			case COUNTS -> tester.document("{ leadCounts(chainId: \"pv\") { stage count } }");
			case GAPS_WITHOUT_LEADS -> tester.document("{ gapsWithoutLeads(chainId: \"pv\") { kind } }");
			case PIPELINE_SCENARIO ->
				tester.documentName("balance").variable("chainId", "pv").variable("scenario", "PIPELINE");
		};
	}

	private static String id(Login login, Operation operation) {
		return "matrix-" + login.tag() + "-" + operation.name().toLowerCase(java.util.Locale.ROOT);
	}

}
