package org.mashhub.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff as Keycloak last told us about them when they signed in or called the API: who
 * can be given work and in which groups. People are managed in Keycloak; this is what the
 * app has seen.
 */
@Service
public class StaffDirectory {

	/**
	 * A person's groups change rarely: note them at most this often unless they change.
	 */
	private static final Duration REFRESH = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final Map<String, Seen> recentlySeen = new ConcurrentHashMap<>();

	StaffDirectory(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	private record Seen(CurrentUser user, Instant at) {
	}

	/** A staff member, with the groups they were last seen in. */
	public record StaffMember(String username, String displayName, String email, List<String> groups) {
	}

	/**
	 * Called on every request: a person seen lately, unchanged, costs no trip to the
	 * database; otherwise they are noted in a transaction of their own.
	 */
	public void seen(CurrentUser user) {
		if (user.isIn(Roles.PARTNER_SYSTEM)) {
			return;
		}
		Instant now = this.clock.instant();
		Seen last = this.recentlySeen.get(user.username());
		if (last != null && last.user().equals(user) && last.at().plus(REFRESH).isAfter(now)) {
			return;
		}
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				insert into staff_member (username, display_name, email, groups, last_seen_at)
				values (:username, :displayName, :email, :groups, :at)
				on conflict (username) do update
				set display_name = excluded.display_name, email = excluded.email, groups = excluded.groups,
				  last_seen_at = excluded.last_seen_at""")
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("email", user.email())
			.param("groups", user.groups().toArray(String[]::new))
			.param("at", Timestamp.from(now))
			.update());
		this.recentlySeen.put(user.username(), new Seen(user, now));
	}

	@Transactional(readOnly = true)
	public Optional<StaffMember> find(String username) {
		return this.jdbc
			.sql("select username, display_name, email, groups from staff_member where username = :username")
			.param("username", username)
			.query((rs, row) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.optional();
	}

	/** Everyone seen in any of the groups, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> membersOf(Collection<String> groups) {
		return this.jdbc.sql("""
				select username, display_name, email, groups from staff_member where groups && cast(:groups as text[])
				order by display_name, username""")
			.param("groups", groups.toArray(String[]::new))
			.query((rs, row) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

}
