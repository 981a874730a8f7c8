package io.chainlens.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedded default: reads open to everyone, the demo users over HTTP Basic, wrong
 * credentials refused even for reads, actuator health open and the rest of actuator for
 * admins, refused writes logged without their payload.
 */
@ChainlensTest
@ExtendWith(OutputCaptureExtension.class)
class LoginTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void readsAreOpenWithoutALogin() {
		graphQl.documentName("chains").execute().path("chains[*].id").entityList(String.class).contains("pv");
	}

	@Test
	void aDemoUserReadsWithItsPassword() {
		graphQl.mutate()
			.headers(h -> h.setBasicAuth("analyst", "analyst-demo"))
			.build()
			.documentName("chains")
			.execute()
			.path("chains")
			.hasValue();
	}

	@Test
	void aWrongPasswordIsRefusedEvenForAReadAndAsksForBasicLogin() throws Exception {
		mvc.perform(post("/graphql").with(httpBasic("lead-pv", "guess"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ chains { id } }\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"chainlens\""));
	}

	@Test
	void aCrossSiteFormCannotWriteWithTheBrowsersBasicCredentials() throws Exception {
		String before = graph.fingerprint();
		String mutation = "mutation { addSupplyLink(input: {supplierId: \"tongwei\", customerId: \"hoyuan\", "
				+ "productId: \"pv-polysilicon\", source: \"estimate: forged\"}) { source } }";
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED)) {
			mvc.perform(post("/graphql").with(httpBasic("lead-pv", "pv-demo"))
				.header("Origin", "https://elsewhere.example")
				.contentType(type)
				.content("{\"query\": \"" + mutation.replace("\"", "\\\"") + "\"}"))
				.andExpect(status().is4xxClientError());
		}
		assertThat(graph.fingerprint()).isEqualTo(before);
		// the same kind of request as JSON is taken: the refusal above is about the type
		mvc.perform(post("/graphql").with(httpBasic("lead-pv", "pv-demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ chains { id } }\"}"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("rare-earth")));
		mvc.perform(post("/graphql").with(httpBasic("lead-pv", "pv-demo"))
			.contentType(MediaType.TEXT_PLAIN)
			.content("{\"query\": \"{ chains { id } }\"}")).andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void healthIsOpenAndTheRestOfActuatorIsForAdmins() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/metrics").with(httpBasic("lead-pv", "pv-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "admin-demo"))).andExpect(status().isOk());
	}

	@Test
	void aRefusedWriteIsLoggedWithWhoWhatAndWhyButNotItsPayloadOrPassword(CapturedOutput output) {
		graphQl.mutate()
			.headers(h -> h.setBasicAuth("lead-pv", "pv-demo"))
			.build()
			.documentName("setCapacity")
			.variable("input",
					Map.of("companyId", "jl-mag", "productId", "rare-earth-ndfeb-magnet", "region", "baotou",
							"capacity", 1.0, "unit", "t", "status", "PLANNED", "source", "public: NOTE-IN-SOURCE",
							"note", "NOTE-IN-PAYLOAD"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN);

		assertThat(output.getOut()).contains("WARN")
			.contains("Refused setCapacity by lead-pv (CHAIN_LEAD of pv)")
			.contains("productId=rare-earth-ndfeb-magnet")
			.contains("chain rare-earth")
			.doesNotContain("NOTE-IN-PAYLOAD")
			.doesNotContain("NOTE-IN-SOURCE")
			.doesNotContain("pv-demo");
	}

}
