package org.mashhub.complaints.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mashhub.complaints.ComplaintsReport;
import org.mashhub.complaints.Finding;

import org.springframework.stereotype.Component;

/**
 * The annual report's charts as the JSON its canvases carry (the page allows no inline
 * script): labels, one or more series, and how to stack them.
 */
@Component
class ReportCharts {

	private final ObjectMapper json;

	ReportCharts(ObjectMapper json) {
		this.json = json;
	}

	record Series(String label, List<Number> data) {
	}

	record Chart(List<String> labels, List<Series> series, boolean stacked, boolean horizontal, Integer max) {
	}

	String inTimeChart(ComplaintsReport.Report report) {
		List<String> labels = report.timeliness().keySet().stream().map((stage) -> "Stage " + stage).toList();
		List<Number> percent = report.timeliness()
			.values()
			.stream()
			.map((t) -> (Number) ((t.percentInTime() != null) ? t.percentInTime() : 0))
			.toList();
		return write(new Chart(labels, List.of(new Series("% answered in time", percent)), false, false, 100));
	}

	String findingsChart(ComplaintsReport.Report report) {
		List<String> labels = report.findings().keySet().stream().map((stage) -> "Stage " + stage).toList();
		List<Series> series = java.util.Arrays.stream(Finding.values())
			.map((finding) -> new Series(finding.label(),
					report.findings().values().stream().map((byFinding) -> (Number) byFinding.get(finding)).toList()))
			.toList();
		return write(new Chart(labels, series, true, false, null));
	}

	String themesChart(ComplaintsReport.Report report) {
		Map<String, Integer> themes = report.themes();
		return write(new Chart(List.copyOf(themes.keySet()),
				List.of(new Series("Elements", List.copyOf(themes.values()))), false, true, null));
	}

	private String write(Chart chart) {
		try {
			return this.json.writeValueAsString(chart);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Chart figures could not be written", ex);
		}
	}

}
