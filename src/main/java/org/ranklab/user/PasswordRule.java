package org.ranklab.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * What a password must be, wherever one is set (a new user, an admin's reset, a user's
 * own change, the first admin): at least {@value #MIN_CHARACTERS} characters and at most
 * {@value #MAX_BYTES} bytes in UTF-8, BCrypt's limit (it ignores what follows, and
 * Spring's encoder refuses to hash a longer one).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Constraint(validatedBy = PasswordRule.Check.class)
@interface PasswordRule {

	int MIN_CHARACTERS = 10;

	int MAX_BYTES = 72;

	String message() default "is not a valid password";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports the problem itself as the violation's message. */
	class Check implements ConstraintValidator<PasswordRule, String> {

		/**
		 * What is wrong with the password, if anything; {@code null} is left to NotNull.
		 */
		static Optional<String> problemWith(String password) {
			if (password == null) {
				return Optional.empty();
			}
			if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
				return Optional.of("must be at least " + MIN_CHARACTERS + " characters");
			}
			int bytes = password.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_BYTES) {
				return Optional.of("must be at most " + MAX_BYTES
						+ " bytes in UTF-8 (the limit of BCrypt); this one has " + bytes);
			}
			return Optional.empty();
		}

		@Override
		public boolean isValid(String password, ConstraintValidatorContext context) {
			Optional<String> problem = problemWith(password);
			problem.ifPresent(message -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			});
			return problem.isEmpty();
		}

	}

}
