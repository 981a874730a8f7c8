package io.chainlens.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import io.chainlens.ChainlensTest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request body beyond {@code chainlens.http.max-body} (1 MB by default) is refused with
 * HTTP 413 before anything reads it, whether its length is declared or it comes in
 * chunks.
 */
@ChainlensTest
class BodyLimitTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aGraphQlRequestLargerThanTheLimitIsRefusedWith413() throws Exception {
		String query = "{\"query\": \"{ chains { id } }\", \"variables\": {\"pad\": \"" + "x".repeat(1024 * 1024)
				+ "\"}}";

		mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(query))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("larger than 1MB, the limit (chainlens.http.max-body)")));
		mvc.perform(
				post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ chains { id } }\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void everyPathHasTheLimitAndItComesBeforeTheLogin() throws Exception {
		byte[] body = new byte[1024 * 1024 + 1];

		mvc.perform(get("/export/gaps.csv").content(body)).andExpect(status().isContentTooLarge());
		mvc.perform(post("/actuator/metrics").header("Authorization", "Basic YWRtaW46Z3Vlc3M=").content(body))
			.andExpect(status().isContentTooLarge());
	}

	@Test
	void aDeclaredOrAChunkedBodyIsCountedOnTheWire() throws Exception {
		Tomcat tomcat = echoServer(DataSize.ofBytes(1000));
		try {
			URI uri = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/graphql");
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

			assertThat(send(client, uri, HttpRequest.BodyPublishers.ofByteArray(new byte[1000])))
				.isEqualTo("200 read 1000 bytes");
			assertThat(send(client, uri, HttpRequest.BodyPublishers.ofByteArray(new byte[1001])))
				.startsWith("413 The request body is larger than 1000B");
			// no Content-Length: Transfer-Encoding: chunked
			assertThat(send(client, uri, chunked(1000))).isEqualTo("200 read 1000 bytes");
			assertThat(send(client, uri, chunked(5000))).startsWith("413 The request body is larger than 1000B");
		}
		finally {
			tomcat.stop();
			tomcat.destroy();
		}
	}

	private static HttpRequest.BodyPublisher chunked(int size) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
	}

	private static String send(HttpClient client, URI uri, HttpRequest.BodyPublisher body)
			throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(body).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body().strip();
	}

	/** A bare Tomcat with the limit in front of a servlet that reads the whole body. */
	private static Tomcat echoServer(DataSize max) throws IOException, LifecycleException {
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createDirectories(Path.of("target", "body-limit-tomcat")).toString());
		tomcat.setPort(0);
		tomcat.getConnector();
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "echo", new HttpServlet() {

			@Override
			protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
				int read = request.getInputStream().readAllBytes().length;
				response.setContentType("text/plain");
				response.getOutputStream().write(("read " + read + " bytes").getBytes(StandardCharsets.UTF_8));
			}

		});
		context.addServletMappingDecoded("/*", "echo");
		FilterDef limit = new FilterDef();
		limit.setFilterName("bodyLimit");
		limit.setFilter(new BodyLimit(max));
		context.addFilterDef(limit);
		FilterMap everything = new FilterMap();
		everything.setFilterName("bodyLimit");
		everything.addURLPattern("/*");
		context.addFilterMap(everything);
		tomcat.start();
		return tomcat;
	}

}
