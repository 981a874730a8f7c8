package io.chainlens.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.chainlens.seed.ImportReport.Outcome;
import io.chainlens.seed.SeedInvalid.Problem;

/**
 * {@code --chainlens.import.mode=offline}: runs the {@link OfflineImport} before the
 * embedded database starts (before io.chainlens.database.EarlyEmbeddedStart), as the
 * importer needs a store no database has open. When it wrote the store, the app starts on
 * it and the import command finishes it ({@link OfflineImport#finish}); otherwise the
 * report is written and the start ends with the import's exit code, before any store is
 * made.
 */
class OfflineImportStart implements ApplicationListener<ApplicationContextInitializedEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(OfflineImportStart.class);

	static final String BEAN_NAME = "chainlens.offlineImport";

	/** The value of {@code chainlens.import.mode} that asks for the offline import. */
	static final String OFFLINE = "offline";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static boolean offline(Environment env) {
		String mode = env.getProperty("chainlens.import.mode", "online");
		if (!mode.equals(OFFLINE) && !mode.equals("online")) {
			throw new IllegalArgumentException(
					"chainlens.import.mode must be online (the default) or offline, not '" + mode + "'");
		}
		return mode.equals(OFFLINE) && env.getProperty("chainlens.import.dir") != null;
	}

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Environment env = context.getEnvironment();
		if (env.getProperty("chainlens.import.dir") == null
				|| !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
			return;
		}
		Path reportFile = ImportCommand.reportFile(env);
		OfflineImport.Imported imported;
		try {
			if (!offline(env)) {
				return;
			}
			Binder binder = Binder.get(env);
			if (!binder.bind("chainlens.neo4j.embedded", Boolean.class).orElse(true)) {
				throw new IllegalArgumentException("the offline import makes an embedded store; "
						+ "for a Neo4j server, run neo4j-admin database import there or import online");
			}
			Path dataDir = binder.bind("chainlens.neo4j.data-dir", Path.class).orElse(Path.of("./data/neo4j"));
			String seedLocation = binder.bind("chainlens.seed.location", String.class).orElse("classpath:graph-seed");
			Path dir = Path.of(env.getRequiredProperty("chainlens.import.dir"));
			log.info("Importing {} offline into the new store {}, all or nothing", dir.toAbsolutePath(), dataDir);
			imported = OfflineImport.run(dir, dataDir, seedLocation, ImportCommand.options(env));
		}
		catch (RuntimeException ex) {
			throw ended(reportFile,
					new ImportReport(Outcome.STOPPED, 0, 0, 0, 0, 0, 0, 0,
							List.of(new Problem("", 0, null, "the offline import did not start: " + ex.getMessage())),
							0, null));
		}
		if (imported.report().outcome() != Outcome.WRITTEN) {
			throw ended(reportFile, imported.report());
		}
		beans.registerSingleton(BEAN_NAME, imported);
	}

	private static Ended ended(Path reportFile, ImportReport report) {
		int exitCode = report.outcome().exitCode;
		try {
			ImportCommand.writeReport(reportFile, report);
		}
		catch (IOException ex) {
			log.error("Cannot write the import report {}: {}", reportFile.toAbsolutePath(), ex.getMessage());
			exitCode = Outcome.STOPPED.exitCode;
		}
		log.error("Import finished: {}; each refused row with file, line and reason in {}", report.summary(),
				reportFile.toAbsolutePath());
		return new Ended(report, exitCode);
	}

	/**
	 * The offline import wrote nothing, so the app does not start: ends the start with
	 * the import's exit code.
	 */
	static final class Ended extends RuntimeException implements ExitCodeGenerator {

		private final transient ImportReport report;

		private final int exitCode;

		Ended(ImportReport report, int exitCode) {
			super("The offline import wrote nothing (" + report.outcome() + ", " + report.read() + " rows read, "
					+ report.rejected() + " refused)"
					+ report.rejections().stream().findFirst().map(Ended::describe).map(p -> ": " + p).orElse(""));
			this.report = report;
			this.exitCode = exitCode;
		}

		ImportReport report() {
			return report;
		}

		private static String describe(Problem problem) {
			return problem.file().isEmpty() ? problem.message() : problem.file() + ":" + problem.line()
					+ (problem.field() == null ? "" : " " + problem.field()) + ": " + problem.message();
		}

		@Override
		public int getExitCode() {
			return exitCode;
		}

	}

}
