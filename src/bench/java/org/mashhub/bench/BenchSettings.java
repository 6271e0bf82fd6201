package org.mashhub.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bench writes, and the app's runtime classpath, as the Maven profile set them. */
final class BenchSettings {

	private BenchSettings() {
	}

	static Path directory() {
		return Path.of(System.getProperty("mash.bench.dir", "target/bench")).toAbsolutePath();
	}

	static String nodeClasspath() {
		String classes = required("mash.bench.node-classes");
		try {
			return classes + File.pathSeparator
					+ Files.readString(Path.of(required("mash.bench.node-classpath"))).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException(property + " is not set: run the benchmark with ./mvnw -Pbench verify");
		}
		return value;
	}

}
