package org.ranklab.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json} (RFC 9457), naming the field
 * or line at fault.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.errors());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
	}

	/**
	 * API callers get a problem; a page (say an unknown project id in its URL) gets the
	 * error page.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!request.getRequestURI().startsWith("/api/")) {
			response.sendError(HttpStatus.NOT_FOUND.value(), e.getMessage());
			return null;
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputError> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> InputError.field(JsonNames.of(error.getField()), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalidInput(InvalidInputException.of(errors)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (e.getMostSpecificCause() instanceof MaxUploadSizeExceededException tooLarge) {
			return handleMaxUploadSizeExceededException(tooLarge, headers, status, request);
		}
		return ResponseEntity.badRequest().body(unreadableBody(jsonCauseOf(e)));
	}

	/**
	 * The JSON reader's own exception, which knows the field; not the innermost cause,
	 * which is an enum's or record's refusal of the value without the field.
	 */
	private static Throwable jsonCauseOf(HttpMessageNotReadableException e) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return e.getMostSpecificCause();
	}

	/**
	 * A multipart body the server cannot parse (a body over the size limit is answered
	 * with 413 below).
	 */
	@ExceptionHandler
	ProblemDetail unreadableMultipart(MultipartException e) {
		Throwable cause = e.getMostSpecificCause();
		String reason = cause == e || cause.getMessage() == null ? "" : ": " + cause.getMessage();
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "the multipart body cannot be read" + reason,
				null);
	}

	/**
	 * A body over a configured limit ({@code 413}), from the multipart parser or a
	 * handler counting bytes.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(e.getMaxUploadSize()));
	}

	/** {@code 413}, naming the limit; {@code limit} below zero when it is not known. */
	static ProblemDetail tooLarge(long limit) {
		String detail = limit >= 0 ? "the request body is larger than the limit of "
				+ DataSize.ofBytes(limit).toMegabytes() + " MB (" + limit + " bytes)"
				: "the request body is larger than the configured limit";
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail, null);
	}

	private static ProblemDetail unreadableBody(Throwable cause) {
		if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
			String field = fieldPath(invalid);
			String message = "invalid value " + invalid.getValue() + expectedValues(invalid.getTargetType());
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message,
					List.of(InputError.field(field, message)));
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = fieldPath(databind);
			String message = databind.getCause() instanceof IllegalArgumentException refused
					&& refused.getMessage() != null ? refused.getMessage() : "wrong type or value";
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message,
					List.of(InputError.field(field, message)));
		}
		if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
			long line = malformed.getLocation().getLineNr();
			String message = "malformed JSON at line " + line + ", column " + malformed.getLocation().getColumnNr();
			return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", message, List.of(InputError.line(line, message)));
		}
		String detail = cause instanceof JacksonException ? "malformed JSON"
				: "the request body is missing or unreadable";
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", detail, null);
	}

	private static String fieldPath(DatabindException e) {
		return e.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String expectedValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		Object[] constants = type.getEnumConstants();
		return "; expected one of "
				+ java.util.Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, List<InputError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
