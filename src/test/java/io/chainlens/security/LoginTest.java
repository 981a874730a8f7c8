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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
	void aForeignCredentialIsRefusedNotServedAsAnonymous() throws Exception {
		for (String authorization : List.of("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x",
				"Digest username=\"admin\", realm=\"chainlens\", nonce=\"1\", uri=\"/graphql\", response=\"0\"",
				"Negotiate YIIB")) {
			mvc.perform(post("/graphql").header("Authorization", authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\": \"{ chains { id } }\"}"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Basic realm=\"chainlens\""))
				.andExpect(content().string(containsString("This server takes Basic logins")))
				.andExpect(content().string(not(containsString("eyJ"))));
		}
		// the scheme's name in any case is the same scheme
		mvc.perform(post("/graphql").header("Authorization", "basic YW5hbHlzdDphbmFseXN0LWRlbW8=")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ chains { id } }\"}")).andExpect(status().isOk());
	}

	@Test
	void theSameCredentialsAreCheckedAgainstTheirHashOnce(@Autowired CheckedLogins logins) throws Exception {
		long before = logins.hashChecks();
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/graphql").with(httpBasic("lead-rare-earth", "rare-earth-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\": \"{ focusRegion { id } }\"}")).andExpect(status().isOk());
		}

		assertThat(logins.hashChecks() - before).isLessThanOrEqualTo(1);
	}

	@Test
	void failedLoginsMakeTheNextAttemptWaitWithA429() throws Exception {
		RequestPostProcessor elsewhere = request -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		};
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/graphql/schema").with(httpBasic("analyst", "guess-" + i)).with(elsewhere))
				.andExpect(status().isUnauthorized());
		}

		// the wait is 1 s after the fifth failure, 2 s after the sixth: on a slow machine
		// the sixth attempt may come after the first wait
		String retryAfter = null;
		for (int i = 5; i < 8 && retryAfter == null; i++) {
			MockHttpServletResponse response = mvc
				.perform(get("/graphql/schema").with(httpBasic("analyst", "guess-" + i)).with(elsewhere))
				.andReturn()
				.getResponse();
			if (response.getStatus() == 429) {
				assertThat(response.getContentAsString()).contains("Too many failed logins");
				retryAfter = response.getHeader("Retry-After");
			}
		}

		assertThat(retryAfter).isIn("1", "2", "4");
		Thread.sleep(Long.parseLong(retryAfter) * 1000 + 100);
		mvc.perform(get("/graphql/schema").with(httpBasic("analyst", "analyst-demo")).with(elsewhere))
			.andExpect(status().isOk());
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
