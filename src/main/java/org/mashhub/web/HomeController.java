package org.mashhub.web;

import org.mashhub.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page everyone lands on after signing in: who they are, their groups, and their
 * work.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("user", CurrentUser.of(authentication));
		return "web/home";
	}

}
