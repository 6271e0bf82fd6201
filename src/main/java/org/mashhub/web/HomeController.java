package org.mashhub.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Everyone lands on their work.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/work";
	}

}
