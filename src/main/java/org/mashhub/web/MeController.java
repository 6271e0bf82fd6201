package org.mashhub.web;

import org.mashhub.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the API thinks the caller is: a partner system or a person, with their groups and
 * roles.
 */
@RestController
class MeController {

	@GetMapping("/api/me")
	CurrentUser me(Authentication authentication) {
		return CurrentUser.of(authentication);
	}

}
