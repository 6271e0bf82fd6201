package org.mashhub;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.mashhub.complaints.ComplaintReading;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.cse.CseReading;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.missing.EpisodeReading;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.referral.TriageReading;
import org.mashhub.referral.process.ContactTriageProcess;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Need to know, step by step: every user task of every process in bpmn/ says what its
 * candidate groups may read of the case, and this table is where a reviewer reads it. A
 * new task, or a changed reading, fails here until the table says so.
 */
class TaskReadingTests {

	/** Process, task, candidate groups, what they read. */
	private static final String REVIEWED = """
			ComplaintProcess | Task_AcknowledgeComplaint | complaints-manager | WHOLE_COMPLAINT
			ComplaintProcess | Task_AdjudicateStage2 | service-manager | WHOLE_COMPLAINT
			ComplaintProcess | Task_AgreeWrittenRecord | complaints-manager | WHOLE_COMPLAINT
			ComplaintProcess | Task_ConvenePanel | complaints-manager | WHOLE_COMPLAINT
			ComplaintProcess | Task_InvestigateStage2 | complaints-investigator | WHOLE_COMPLAINT
			ComplaintProcess | Task_RecordPanelReport | complaints-manager | WHOLE_COMPLAINT
			ComplaintProcess | Task_RespondStage1 | complaints-investigator | WHOLE_COMPLAINT
			ComplaintProcess | Task_RespondToPanel | service-manager | WHOLE_COMPLAINT
			CseScreeningProcess | Task_AdviseOrStepDown | cse-coordinator | WHOLE_SCREENING
			CseScreeningProcess | Task_ApproveLowerLevel | ${approvers} | FOR_APPROVAL
			CseScreeningProcess | Task_HoldRiskManagementMeeting | cse-coordinator | WHOLE_SCREENING
			CseScreeningProcess | Task_HoldStrategyDiscussion | cse-coordinator | WHOLE_SCREENING
			CseScreeningProcess | Task_ReferToMace | cse-coordinator | WHOLE_SCREENING
			CseScreeningProcess | Task_ReviewScreening | cse-coordinator | WHOLE_SCREENING
			CseScreeningProcess | Task_ScreenChild | cse-coordinator | WHOLE_SCREENING
			MissingEpisodeProcess | Task_HoldRepeatMissingMeeting | missing-coordinator | WHOLE_EPISODE
			MissingEpisodeProcess | Task_HoldReturnInterview | rhi-worker | FOR_INTERVIEW
			MissingEpisodeProcess | Task_HoldStrategyDiscussion | missing-coordinator | WHOLE_EPISODE
			MissingEpisodeProcess | Task_ReviewRisk | missing-coordinator | WHOLE_EPISODE
			ContactTriageProcess | Task_AnswerAgencyCheck | ${agencyChecks.liaisonGroup(agencyCheckId)} | AGENCY_REQUEST
			ContactTriageProcess | Task_ChildAndFamilyAssessment | assessment-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_FeedbackToReferrer | business-support,mash-social-worker | REFERRER_FEEDBACK
			ContactTriageProcess | Task_HoldStrategyDiscussion | assessment-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_InformAllocatedWorker | assessment-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_ReferOpenCaseToMarac | mash-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_ReferToMarac | mash-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_ScreenContact | mash-social-worker | WHOLE_TRIAGE
			ContactTriageProcess | Task_StepDownToEarlyHelp | early-help | CONTACT_WITHOUT_AGENCY_ANSWERS
			ContactTriageProcess | Task_TellSchool | education-liaison | SCHOOL_NOTICE
			ContactTriageProcess | Task_ThresholdDecision | mash-manager | WHOLE_TRIAGE
			""";

	/** Each process's table of readings, by its key. */
	private static final Map<String, Map<String, ? extends Enum<?>>> TABLES = Map.of(ContactTriageProcess.PROCESS,
			TriageReading.BY_STEP, ComplaintProcess.PROCESS, ComplaintReading.BY_STEP, MissingEpisodeProcess.PROCESS,
			EpisodeReading.BY_STEP, CseScreeningProcess.PROCESS, CseReading.BY_STEP);

	@Test
	void everyUserTaskOfEveryProcessSaysWhatItsPeopleMayRead() throws IOException {
		List<String> found = new ArrayList<>();
		for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
			BpmnModelInstance bpmn;
			try (InputStream in = model.getInputStream()) {
				bpmn = Bpmn.readModelFromStream(in);
			}
			for (Process process : bpmn.getModelElementsByType(Process.class)) {
				Map<String, ? extends Enum<?>> table = TABLES.get(process.getId());
				assertThat(table).as("the reading table of " + process.getId()).isNotNull();
				for (UserTask task : process.getChildElementsByType(UserTask.class)) {
					found.add(row(process.getId(), task, table));
				}
				for (org.camunda.bpm.model.bpmn.instance.SubProcess sub : process
					.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
					for (UserTask task : sub.getChildElementsByType(UserTask.class)) {
						found.add(row(process.getId(), task, table));
					}
				}
			}
		}

		assertThat(found).containsExactlyInAnyOrder(REVIEWED.strip().split("\n"));
	}

	private static String row(String process, UserTask task, Map<String, ? extends Enum<?>> table) {
		Enum<?> reading = table.get(task.getId());
		return process + " | " + task.getId() + " | " + task.getCamundaCandidateGroups() + " | "
				+ ((reading != null) ? reading.name() : "(none: add it to the module's table)");
	}

}
