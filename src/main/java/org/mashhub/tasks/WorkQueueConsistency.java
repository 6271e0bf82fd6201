package org.mashhub.tasks;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the work queue with the engine's runtime tasks, in the database, and reports
 * every difference: a task missing from the queue, an open item with no task, an assignee
 * or due date that disagrees.
 */
@Service
public class WorkQueueConsistency {

	private final JdbcClient jdbc;

	WorkQueueConsistency(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Report(List<String> missingFromQueue, List<String> openWithoutTask, List<String> differing) {

		public boolean isConsistent() {
			return this.missingFromQueue.isEmpty() && this.openWithoutTask.isEmpty() && this.differing.isEmpty();
		}

	}

	@Transactional(readOnly = true)
	public Report check() {
		List<String> missing = this.jdbc.sql("""
				select t.id_ from act_ru_task t
				where not exists (select 1 from work_item w where w.task_id = t.id_ and w.state = 'OPEN')
				order by t.id_""").query(String.class).list();
		List<String> orphaned = this.jdbc.sql("""
				select w.task_id from work_item w
				where w.state = 'OPEN' and not exists (select 1 from act_ru_task t where t.id_ = w.task_id)
				order by w.task_id""").query(String.class).list();
		List<String> differing = this.jdbc.sql("""
				select w.task_id from work_item w join act_ru_task t on t.id_ = w.task_id
				where w.state = 'OPEN'
				  and (t.assignee_ is distinct from w.assignee or t.due_date_ is distinct from w.due_at
				       or t.priority_ <> w.priority)
				order by w.task_id""").query(String.class).list();
		return new Report(missing, orphaned, differing);
	}

}
