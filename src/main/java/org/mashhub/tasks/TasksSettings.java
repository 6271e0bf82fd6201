package org.mashhub.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param managers which groups each manager group manages, e.g. mash-manager:
 * [mash-social-worker]
 */
@ConfigurationProperties("mash.tasks")
record TasksSettings(Map<String, List<String>> managers) {

	TasksSettings {
		managers = (managers != null) ? Map.copyOf(managers) : Map.of();
	}

	/** The groups a person with these groups manages. */
	Set<String> managedBy(List<String> groups) {
		Set<String> managed = new TreeSet<>();
		groups.forEach((group) -> managed.addAll(this.managers.getOrDefault(group, List.of())));
		return managed;
	}

}
