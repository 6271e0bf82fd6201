package org.mashhub.child.web;

import java.io.IOException;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.child.ChildImport;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hub-admin's go-live import of open cases and child protection plans: a CSV file,
 * checked whole before anything is written, every row's problem told beside the file
 * field, and what was done once it is.
 */
@Controller
@PreAuthorize("hasAuthority('hub-admin')")
class ChildImportPage {

	private static final String PAGE = "/admin/children/import";

	private final ChildImport imports;

	/** The server refuses a larger upload before the import sees it. */
	private final String largestFile;

	ChildImportPage(ChildImport imports, MultipartProperties multipart) {
		this.imports = imports;
		DataSize largest = multipart.getMaxFileSize();
		this.largestFile = (largest.toBytes() >= DataSize.ofMegabytes(1).toBytes()) ? largest.toMegabytes() + " MB"
				: largest.toKilobytes() + " KB";
	}

	@GetMapping(PAGE)
	String page(Model model) {
		return page(model, Map.of());
	}

	@PostMapping(PAGE)
	String upload(@RequestParam(name = ChildImport.FILE, required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		// A form sent without a file chosen has a file part with no name
		if (file == null || !StringUtils.hasText(file.getOriginalFilename())) {
			return page(model,
					Map.of(ChildImport.FILE, "Select the CSV file of open cases and child protection plans"));
		}
		try {
			redirect.addFlashAttribute("imported", this.imports.importCsv(file.getBytes()));
			return "redirect:" + PAGE;
		}
		catch (Refusal refused) {
			return page(model, refused.fieldErrors());
		}
	}

	private String page(Model model, Map<String, String> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("maxRows", ChildImport.MAX_ROWS);
		model.addAttribute("largestFile", this.largestFile);
		return "child/import";
	}

}
