package io.chainlens.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator as a command, without starting the app:
 * {@code java -cp target/chainlens-<version>.jar -Dloader.main=io.chainlens.generate.GenerateNationalGraph org.springframework.boot.loader.launch.PropertiesLauncher --chainlens.generate.size=LARGE --chainlens.generate.seed=42 --chainlens.generate.dir=target/national}
 * writes the files into {@code
 *
<dir>
 * /national} for {@code --chainlens.import.dir=
 *
<dir>
 * }.
 */
public final class GenerateNationalGraph {

	private GenerateNationalGraph() {
	}

	public static void main(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("size", "SMALL");
		options.put("seed", "42");
		options.put("dir", "target/national");
		options.put("seed-data", "classpath:graph-seed");
		for (String arg : args) {
			String prefix = "--chainlens.generate.";
			int equals = arg.indexOf('=');
			String key = arg.startsWith(prefix) && equals > 0 ? arg.substring(prefix.length(), equals) : null;
			if (key == null || !options.containsKey(key)) {
				System.err.println("Unknown argument '" + arg + "'; expected --chainlens.generate.<"
						+ options.keySet().stream().reduce((a, b) -> a + "|" + b).orElseThrow() + ">=<value>");
				System.exit(2);
			}
			options.put(key, arg.substring(equals + 1));
		}
		try {
			GraphSize size = GraphSize.parse(options.get("size"));
			long seed = Long.parseLong(options.get("seed"));
			long started = System.nanoTime();
			NationalGraph.Written written = NationalGraph.write(Path.of(options.get("dir")), size, seed,
					options.get("seed-data"));
			System.out.printf("Wrote %s rows into %s in %d ms: %s%n", written.total(),
					Path.of(options.get("dir")).resolve(NationalGraph.FOLDER).toAbsolutePath(),
					(System.nanoTime() - started) / 1_000_000, written.rows());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

}
