package io.chainlens.database;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import io.chainlens.ChainlensApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented backup and restore (docs/operations.md): scripts/backup and
 * scripts/restore run Neo4j's own dump and load, as here, on a stopped app's store. The
 * restored store answers as the one it was taken from, the audit trail included.
 */
class BackupRestoreTest {

	private static final String WRITE = """
			{"input": {"companyId": "tongwei", "productId": "pv-polysilicon", "region": "昆都仑区",
			  "capacity": 21.5, "unit": "万t", "status": "PLANNED", "source": "estimate: before the backup"}}""";

	@TempDir
	Path dir;

	@Test
	void aRestoredStoreAnswersTheSameQueriesTheSameAuditTrailIncluded() throws Exception {
		Path original = dir.resolve("original");
		Path restored = dir.resolve("restored");
		Path dump = dir.resolve("backups").resolve("neo4j.dump");
		String answers;
		try (ConfigurableApplicationContext app = start(original)) {
			assertThat(post(app, "setCapacity", WRITE, true)).doesNotContain("\"errors\"");
			answers = answers(app);
		}
		assertThat(answers).contains("estimate: before the backup").contains("\"operation\"");

		admin(original, null, "database", "dump", "neo4j", "--to-path=" + Files.createDirectories(dump.getParent()));
		try (InputStream in = Files.newInputStream(dump)) {
			admin(restored, in, "database", "load", "neo4j", "--from-stdin");
		}

		try (ConfigurableApplicationContext app = start(restored)) {
			assertThat(answers(app)).isEqualTo(answers);
		}
	}

	/** Chains, gaps, balance and the audit trail of the chain written to. */
	private static String answers(ConfigurableApplicationContext app) throws Exception {
		return String.join("\n", post(app, "chains", "{}", false), post(app, "gaps", "{\"chainId\": \"pv\"}", false),
				post(app, "balance", "{\"chainId\": \"pv\"}", false),
				post(app, "changes", "{\"chainId\": \"pv\", \"first\": 100}", false));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ChainlensApplication.class).run("--chainlens.neo4j.data-dir=" + dataDir,
				"--chainlens.neo4j.bolt-port=0", "--chainlens.neo4j.page-cache=32m", "--server.port=0",
				"--server.address=127.0.0.1", "--chainlens.warm-up=false");
	}

	private static String post(ConfigurableApplicationContext app, String document, String variables, boolean login)
			throws Exception {
		String query = new ClassPathResource("graphql-test/" + document + ".graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		String body = "{\"query\": \"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
				+ "\", \"variables\": " + variables + "}";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (login) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("lead-pv:pv-demo".getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * neo4j-admin as the scripts run it: the data directory is Neo4j's home, and the
	 * settings file is empty.
	 */
	private void admin(Path dataDir, InputStream in, String... args) throws Exception {
		Path conf = Files.createDirectories(dir.resolve("conf"));
		Files.writeString(conf.resolve("neo4j.conf"), "");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		int exit = AdminTool.execute(new ExecutionContext(dataDir, conf, out, out,
				(in != null) ? in : InputStream.nullInputStream(), new DefaultFileSystemAbstraction()), args);
		assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isZero();
	}

}
