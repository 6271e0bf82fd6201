package org.mashhub.tasks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a list of work asks for: a tab, filters, a search, a sort and a page.
 *
 * @param processType a process definition key, or null for all
 * @param rag RED, AMBER, GREEN or BLUE, or null for all
 * @param search the start of a child's name or, when it holds a digit, of a reference; or
 * null
 */
public record WorkListQuery(Tab tab, String processType, String rag, boolean overdueOnly, String search, Sort sort,
		int page, int size) {

	public static final Set<String> RAGS = Set.of("RED", "AMBER", "GREEN", "BLUE");

	private static final String MINE = "assignee = :user";

	private static final String MY_TEAMS_UNASSIGNED = "assignee is null and candidate_groups && cast(:groups as text[])";

	private static final String DUE_BY_END_OF_TODAY = "due_at < :endOfToday";

	/** How many letters of a name its due-order index (V13) is grouped by. */
	private static final int NAME_START = 3;

	public enum Tab {

		/** Assigned to me. */
		ASSIGNED,
		/** Waiting for someone in my teams to claim it. */
		UNASSIGNED,
		/** Mine or my teams' unassigned, due by the end of today or overdue. */
		DUE,
		/** Everything open in the teams I manage (managers only). */
		TEAM

	}

	public enum Sort {

		DUE, RAG, CREATED

	}

	public WorkListQuery {
		tab = (tab != null) ? tab : Tab.ASSIGNED;
		sort = (sort != null) ? sort : Sort.DUE;
		processType = blankToNull(processType);
		rag = blankToNull(rag);
		search = blankToNull(search);
	}

	public WorkListQuery withTab(Tab other) {
		return new WorkListQuery(other, this.processType, this.rag, this.overdueOnly, this.search, this.sort, this.page,
				this.size);
	}

	record Sql(String where, String orderBy, Map<String, Object> params) {
	}

	/**
	 * The SQL for this query, for one reader; managed groups only matter to the TEAM tab.
	 */
	Sql toSql(String username, List<String> groups, List<String> managedGroups, Instant now, Instant endOfToday) {
		return toSql(switch (this.tab) {
			case ASSIGNED -> MINE;
			case UNASSIGNED -> MY_TEAMS_UNASSIGNED;
			case DUE -> "(" + MINE + " or (" + MY_TEAMS_UNASSIGNED + ")) and " + DUE_BY_END_OF_TODAY;
			case TEAM -> "candidate_groups && cast(:managed as text[])";
		}, username, groups, managedGroups, now, endOfToday);
	}

	/**
	 * The SQL that counts this query's tab, in parts that never share a row, so their
	 * counts add up. "Due today" is counted as its two halves, mine and my teams'
	 * unassigned, each a range of its own index, rather than one walk testing every due
	 * item for either.
	 */
	List<Sql> toCountSql(String username, List<String> groups, List<String> managedGroups, Instant now,
			Instant endOfToday) {
		if (this.tab != Tab.DUE) {
			return List.of(toSql(username, groups, managedGroups, now, endOfToday));
		}
		return List.of(toSql(MINE + " and " + DUE_BY_END_OF_TODAY, username, groups, managedGroups, now, endOfToday),
				toSql(MY_TEAMS_UNASSIGNED + " and " + DUE_BY_END_OF_TODAY, username, groups, managedGroups, now,
						endOfToday));
	}

	private Sql toSql(String tabCondition, String username, List<String> groups, List<String> managedGroups,
			Instant now, Instant endOfToday) {
		Map<String, Object> params = new HashMap<>();
		params.put("user", username);
		params.put("groups", groups.toArray(String[]::new));
		params.put("managed", managedGroups.toArray(String[]::new));
		params.put("now", WorkItemRepository.timestamp(now));
		params.put("endOfToday", WorkItemRepository.timestamp(endOfToday));
		// One more than a page: whether it came shows whether another page follows
		params.put("limit", this.size + 1);
		params.put("offset", (long) this.page * this.size);
		// The search is tested first: it rules out the most rows for the least work
		StringBuilder where = new StringBuilder("state = 'OPEN'");
		if (this.search != null) {
			String search = this.search.toLowerCase(Locale.ROOT);
			if (isReference(search)) {
				where.append(" and lower(subject_reference) like :search");
			}
			else {
				where.append(" and search_name like :search");
				if (search.codePointCount(0, search.length()) >= NAME_START) {
					// Redundant beside the like, but a common name then walks only the
					// names starting so, in due order (V13), not every open item
					where.append(" and left(search_name, " + NAME_START + ") = :nameStart");
					params.put("nameStart", search.substring(0, search.offsetByCodePoints(0, NAME_START)));
				}
			}
			params.put("search", search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		where.append(" and ").append(tabCondition);
		if (this.processType != null) {
			where.append(" and process_definition_key = :processType");
			params.put("processType", this.processType);
		}
		if (this.rag != null) {
			where.append(" and rag = :rag");
			params.put("rag", this.rag);
		}
		if (this.overdueOnly) {
			where.append(" and due_at < :now");
		}
		String orderBy = switch (this.sort) {
			case DUE -> "due_at asc nulls last, task_id";
			case RAG ->
				"case rag when 'RED' then 0 when 'AMBER' then 1 when 'GREEN' then 2 when 'BLUE' then 3 else 4 end,"
						+ " due_at asc nulls last, task_id";
			case CREATED -> "created_at desc, task_id";
		};
		return new Sql(where.toString(), orderBy, params);
	}

	/**
	 * Whether a search is for a reference rather than a name: references are numbered
	 * (C-2026-0000123, CMP-2026-0042) and names never hold a digit. Each kind has its own
	 * index, so the search never has to try both.
	 */
	static boolean isReference(String search) {
		return search.chars().anyMatch(Character::isDigit);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
