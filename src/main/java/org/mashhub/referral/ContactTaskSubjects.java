package org.mashhub.referral;

import java.util.Optional;

import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.tasks.TaskSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the work queue what a contact triage is about: the child's name as the referrer
 * gave it and, once screened, the RAG (the triage reference is "contact reference/child
 * position").
 */
@Component
class ContactTaskSubjects implements TaskSubjects {

	private final JdbcClient jdbc;

	ContactTaskSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<TaskSubject> describe(String processDefinitionKey, String businessKey) {
		if (!ContactTriageProcess.PROCESS.equals(processDefinitionKey) || businessKey == null) {
			return Optional.empty();
		}
		int slash = businessKey.lastIndexOf('/');
		Optional<TaskSubject> subject = (slash < 0) ? Optional.empty()
				: this.jdbc.sql("""
						select cc.given_names || ' ' || cc.family_name as name, cc.rag
						from contact_child cc join contact c on c.id = cc.contact_id
						where c.reference = :reference and cc.position = :position""")
					.param("reference", businessKey.substring(0, slash))
					.param("position", parsePosition(businessKey.substring(slash + 1)))
					.query((rs, row) -> new TaskSubject(rs.getString("name"), rs.getString("rag")))
					.optional();
		return Optional.of(subject.orElse(new TaskSubject("Contact " + businessKey, null)));
	}

	private static int parsePosition(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
