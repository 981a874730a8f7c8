package io.chainlens.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The CSV files of a seed data set, by their path below its folder: what the seed load
 * reads and what a store template's fingerprint covers.
 */
public final class SeedFiles {

	private SeedFiles() {
	}

	/**
	 * @param location a folder, e.g. {@code classpath:graph-seed} or
	 * {@code file:./graph-seed}
	 * @throws IllegalStateException when it does not exist or holds no CSV files
	 */
	public static Map<String, Resource> find(String location) {
		String root = location.endsWith("/") ? location : location + "/";
		if (root.startsWith("file:")) {
			// relative file locations would not prefix the absolute URLs of the files
			// found below them
			root = Path.of(root.substring("file:".length())).toAbsolutePath().normalize().toUri().toString();
		}
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			Resource rootResource = resolver.getResource(root);
			if (!rootResource.exists()) {
				throw new IllegalStateException("The seed data set " + location + " does not exist");
			}
			String rootUrl = rootResource.getURL().toString();
			Map<String, Resource> files = new LinkedHashMap<>();
			for (Resource resource : resolver.getResources(root + "**/*.csv")) {
				String url = resource.getURL().toString();
				files.put(url.startsWith(rootUrl) ? url.substring(rootUrl.length()) : resource.getFilename(), resource);
			}
			if (files.isEmpty()) {
				throw new IllegalStateException("The seed data set " + location + " holds no CSV files");
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the seed data set " + location, ex);
		}
	}

}
