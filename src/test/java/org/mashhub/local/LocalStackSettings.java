package org.mashhub.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where Maven put Keycloak and the realm file (from {@code local-stack.properties},
 * filtered at build time).
 */
record LocalStackSettings(Path keycloakHome, Path realmFile, Path localDir) {

	static LocalStackSettings load() {
		Properties properties = new Properties();
		try (InputStream in = LocalStackSettings.class.getResourceAsStream("/local-stack.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new LocalStackSettings(Path.of(properties.getProperty("keycloak.home")),
				Path.of(properties.getProperty("keycloak.realm-file")), Path.of(properties.getProperty("local.dir")));
	}

}
