package org.ranklab.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends admins to their projects and labelers to their work. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return admin ? "redirect:/admin/projects" : "redirect:/work";
	}

}
