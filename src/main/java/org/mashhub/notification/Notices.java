package org.mashhub.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and reads notices. A notice to a group reaches every member (each reads it for
 * themselves) and the group's mailbox, if it has one.
 */
@Service
public class Notices {

	/** A notice as one reader sees it, read or not. */
	private static final String READER_NOTICES = """
			select n.id, n.created_at, n.reference, n.message, n.link, r.notice_id is not null as read
			from notice n left join notice_read r on r.notice_id = n.id and r.username = :user
			""";

	private final JdbcClient jdbc;

	private final NoticeMailer mailer;

	private final Clock clock;

	Notices(JdbcClient jdbc, NoticeMailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Tells each group, in the caller's transaction; their e-mails are queued with it and
	 * go only once it commits.
	 */
	@Transactional
	public void toGroups(Collection<String> groups, String reference, String message, String link) {
		for (String group : groups) {
			insert(group, null, reference, message, link);
			this.mailer.toGroup(group, reference, message, link);
		}
	}

	/** Tells one person, in the caller's transaction; e-mails them once it commits. */
	@Transactional
	public void toUser(String username, String reference, String message, String link) {
		insert(null, username, reference, message, link);
		this.mailer.toUser(username, reference, message, link);
	}

	/**
	 * E-mails someone outside MASH Hub (another council's contact) when SMTP is set up:
	 * queued in the caller's transaction, sent once it commits. The message holds a
	 * reference, never personal details.
	 */
	@Transactional
	public void toAddress(String address, String reference, String message) {
		this.mailer.toAddress(address, reference, message);
	}

	/** A notice for a group or for one person. */
	private void insert(String group, String username, String reference, String message, String link) {
		this.jdbc.sql("""
				insert into notice (created_at, recipient_group, recipient_user, reference, message, link)
				values (:at, :group, :user, :reference, :message, :link)""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("group", group)
			.param("user", username)
			.param("reference", reference)
			.param("message", message)
			.param("link", link)
			.update();
	}

	/** The notices for a person and their groups, newest first. */
	@Transactional(readOnly = true)
	public List<Notice> forReader(String username, Collection<String> groups, int page, int size) {
		return this.jdbc.sql(READER_NOTICES + """
				where (n.recipient_user = :user or n.recipient_group in (:groups))
				order by n.created_at desc, n.id desc limit :limit offset :offset""")
			.param("user", username)
			.param("groups", groups.isEmpty() ? List.of("") : groups)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Notices::notice)
			.list();
	}

	/** One of the reader's notices. */
	@Transactional(readOnly = true)
	public java.util.Optional<Notice> find(long id, String username, Collection<String> groups) {
		return this.jdbc.sql(READER_NOTICES + """
				where n.id = :id and (n.recipient_user = :user or n.recipient_group in (:groups))""")
			.param("id", id)
			.param("user", username)
			.param("groups", groups.isEmpty() ? List.of("") : groups)
			.query(Notices::notice)
			.optional();
	}

	@Transactional(readOnly = true)
	public int unreadCount(String username, Collection<String> groups) {
		return this.jdbc.sql("""
				select count(*) from notice n
				where (n.recipient_user = :user or n.recipient_group in (:groups))
				  and not exists (select 1 from notice_read r where r.notice_id = n.id and r.username = :user)""")
			.param("user", username)
			.param("groups", groups.isEmpty() ? List.of("") : groups)
			.query(Integer.class)
			.single();
	}

	/** Marks a notice read for this reader; false when it is not theirs to read. */
	@Transactional
	public boolean markRead(long id, String username, Collection<String> groups) {
		return this.jdbc.sql("""
				insert into notice_read (notice_id, username, read_at)
				select n.id, :user, :at from notice n
				where n.id = :id and (n.recipient_user = :user or n.recipient_group in (:groups))
				on conflict do nothing""")
			.param("id", id)
			.param("user", username)
			.param("groups", groups.isEmpty() ? List.of("") : groups)
			.param("at", Timestamp.from(this.clock.instant()))
			.update() == 1 || isRead(id, username);
	}

	private boolean isRead(long id, String username) {
		return this.jdbc.sql("select count(*) from notice_read where notice_id = :id and username = :user")
			.param("id", id)
			.param("user", username)
			.query(Integer.class)
			.single() == 1;
	}

	private static Notice notice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Notice(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("reference"),
				rs.getString("message"), rs.getString("link"), rs.getBoolean("read"));
	}

}
