package org.mashhub.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param managers which groups each manager group manages, e.g. mash-manager:
 * [mash-social-worker]
 * @param allocatedOnly groups whose members see and do only the work allocated to them by
 * name, never the group's pool (e.g. complaints investigators)
 */
@ConfigurationProperties("mash.tasks")
record TasksSettings(Map<String, List<String>> managers, List<String> allocatedOnly) {

	TasksSettings {
		managers = (managers != null) ? Map.copyOf(managers) : Map.of();
		allocatedOnly = (allocatedOnly != null) ? List.copyOf(allocatedOnly) : List.of();
	}

	/** The groups whose unallocated work a person with these groups may see and take. */
	List<String> poolsOf(List<String> groups) {
		return groups.stream().filter((group) -> !this.allocatedOnly.contains(group)).toList();
	}

	/** The groups a person with these groups manages. */
	Set<String> managedBy(List<String> groups) {
		Set<String> managed = new TreeSet<>();
		groups.forEach((group) -> managed.addAll(this.managers.getOrDefault(group, List.of())));
		return managed;
	}

}
