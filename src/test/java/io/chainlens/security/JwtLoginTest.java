package io.chainlens.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A production set-up by configuration alone: bearer tokens of an OAuth2/OIDC provider
 * (here a key made for the test, no network), roles and chains from the token's claims,
 * reads (the exports too) closed to callers without a login, GraphiQL, the schema page
 * and introspection off.
 */
@ChainlensTest
@TestPropertySource(properties = { "chainlens.security.mode=jwt", "chainlens.security.reads-require-login=true",
		"spring.graphql.graphiql.enabled=false", "spring.graphql.schema.introspection.enabled=false",
		"spring.graphql.schema.printer.enabled=false", "chainlens.seed.load-on-start=false" })
class JwtLoginTest {

	private static final RSAKey KEY = key();

	private static final RSAKey OTHER_KEY = key();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", JwtLoginTest::publicKeyFile);
	}

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void smallGraph() {
		graph.fixture("two-chains");
	}

	@Test
	void readsNeedALogin() throws Exception {
		mvc.perform(
				post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ chains { id } }\"}"))
			.andExpect(status().isUnauthorized());
		as(token(KEY, "analyst-1", List.of("ANALYST"), List.of(), 600)).documentName("chains")
			.execute()
			.path("chains[*].id")
			.entityList(String.class)
			.contains("rare-earth", "pv");
	}

	@Test
	void aBasicLoginIsAForeignCredentialHereAndRefusedEvenWhereNoLoginIsNeeded() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health").header("Authorization", "Basic YWRtaW46YWRtaW4tZGVtbw=="))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().string(containsString("This server takes Bearer logins")));
	}

	@Test
	void exportsNeedALoginLikeOtherReads() throws Exception {
		mvc.perform(get("/export/gaps.csv")).andExpect(status().isUnauthorized());
		mvc.perform(get("/export/gaps.xlsx").param("chainId", "pv")).andExpect(status().isUnauthorized());
		String csv = mvc
			.perform(get("/export/gaps.csv").header("Authorization",
					"Bearer " + token(KEY, "analyst-1", List.of("ANALYST"), List.of(), 600)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF序号,产业链,牵头单位,环节,产品,缺口类型");
	}

	@Test
	void aLeadFromTheTokensClaimsWritesItsChainOnly() {
		HttpGraphQlTester lead = as(token(KEY, "re-unit", List.of("CHAIN_LEAD"), List.of("rare-earth"), 600));

		lead.documentName("setCapacity")
			.variable("input", capacity("jl-mag", "rare-earth-ndfeb-magnet"))
			.execute()
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(30000.0);
		lead.documentName("setCapacity")
			.variable("input", capacity("tongwei", "pv-polysilicon"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("chain pv")
					&& e.getMessage().startsWith("re-unit (CHAIN_LEAD of rare-earth)"));
		graph.changed();
	}

	@Test
	void anAnalystTokenMayNotWrite() {
		as(token(KEY, "analyst-1", List.of("ANALYST"), List.of("rare-earth"), 600)).documentName("setCapacity")
			.variable("input", capacity("jl-mag", "rare-earth-ndfeb-magnet"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("may only read"));
	}

	@Test
	void aTokenSignedByAnotherKeyOrExpiredIsRefused() throws Exception {
		for (String token : List.of(token(OTHER_KEY, "admin-1", List.of("ADMIN"), List.of(), 600),
				token(KEY, "admin-1", List.of("ADMIN"), List.of(), -600))) {
			mvc.perform(post("/graphql").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\": \"{ chains { id } }\"}")).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void introspectionIsRefusedWhenSwitchedOff() {
		as(token(KEY, "analyst-1", List.of("ANALYST"), List.of(), 600)).document("{ __schema { types { name } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).hasToString("IntrospectionDisabled")))
			.path("__schema")
			.pathDoesNotExist();
	}

	@Test
	void graphiQlAndTheSchemaPageAreOffAndHealthStaysOpen() throws Exception {
		String bearer = "Bearer " + token(KEY, "analyst-1", List.of("ANALYST"), List.of(), 600);
		mvc.perform(get("/graphiql").header("Authorization", bearer)).andExpect(status().isNotFound());
		mvc.perform(get("/graphql/schema").header("Authorization", bearer)).andExpect(status().isNotFound());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void theMapPageAndItsAssetsNeedALoginAsReadsDo() throws Exception {
		String bearer = "Bearer " + token(KEY, "analyst-1", List.of("ANALYST"), List.of(), 600);
		for (String page : List.of("/", "/index.html", "/map/app.js",
				"/webjars/cytoscape/dist/cytoscape.esm.min.mjs")) {
			mvc.perform(get(page)).andExpect(status().isUnauthorized());
			mvc.perform(get(page).header("Authorization", bearer)).andExpect(status().isOk());
		}
	}

	private static Map<String, Object> capacity(String company, String product) {
		return Map.of("companyId", company, "productId", product, "region", "包头市", "capacity", 3.0, "unit", "万t",
				"status", "OPERATING", "source", "public: JWT test");
	}

	private HttpGraphQlTester as(String token) {
		return graphQl.mutate().headers(h -> h.setBearerAuth(token)).build();
	}

	private static String token(RSAKey key, String user, List<String> roles, List<String> chains, long lifeSeconds) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("subject-of-" + user)
			.claim("preferred_username", user)
			.claim("roles", roles)
			.claim("chains", chains)
			.issueTime(Date.from(now.minusSeconds(Math.max(0, -lifeSeconds) + 60)))
			.expirationTime(Date.from(now.plusSeconds(lifeSeconds)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The issuer's public key as a PEM file, as an operator would configure it. */
	private static String publicKeyFile() {
		try {
			Path file = Files.createTempFile("chainlens-test-issuer", ".pem");
			file.toFile().deleteOnExit();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(KEY.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Files.writeString(file, pem);
			return "file:" + file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
