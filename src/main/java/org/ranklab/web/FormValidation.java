package org.ranklab.web;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Validates the request a page form stands for with the same constraints as the API, and
 * reports the violations on the form's fields (form and request use the same property
 * names).
 */
@Component
public class FormValidation {

	private final Validator validator;

	FormValidation(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Returns whether the request is valid; otherwise its violations are now errors of
	 * {@code form}.
	 */
	public boolean validate(Object request, BindingResult form) {
		validator.validate(request)
			.forEach(v -> form.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
		return !form.hasErrors();
	}

}
