package org.mashhub.child.web;

import java.io.IOException;

import org.mashhub.Refusal;
import org.mashhub.child.ChildImport;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The go-live import for a script: the same CSV file as the hub-admin's page, as a file
 * part or as the whole body, answered with what was done, or a problem naming each row's
 * field at fault ({@code rows[4].dateOfBirth}) with nothing written.
 */
@RestController
@PreAuthorize("hasAuthority('hub-admin')")
class ChildImportApi {

	private static final String IMPORT = "/api/admin/children/import";

	private final ChildImport imports;

	ChildImportApi(ChildImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = IMPORT, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ChildImport.ImportCounts upload(@RequestParam(name = ChildImport.FILE, required = false) MultipartFile file)
			throws IOException {
		if (file == null) {
			throw Refusal.invalid(ChildImport.FILE, "Send the CSV file as the part named " + ChildImport.FILE);
		}
		return this.imports.importCsv(file.getBytes());
	}

	@PostMapping(path = IMPORT, consumes = "text/csv")
	ChildImport.ImportCounts body(@RequestBody(required = false) byte[] csv) {
		return this.imports.importCsv((csv != null) ? csv : new byte[0]);
	}

}
