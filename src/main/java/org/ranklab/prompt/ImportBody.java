package org.ranklab.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import org.ranklab.web.InvalidInputException;

/**
 * The file an import request carries: the body itself ({@code Content-Type} names the
 * format) or the {@code file} part of a multipart upload (its extension or content type
 * names it). Either way a stream, never a copy in memory, limited to {@code maxBytes}
 * (the body by {@link ImportLimits}, the part by its size).
 */
record ImportBody(ImportFormat format, InputStream content) {

	static final String FILE_PART = "file";

	static ImportBody of(HttpServletRequest request, long maxBytes)
			throws IOException, HttpMediaTypeNotSupportedException {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			return ofPart(multipart.getFile(FILE_PART), maxBytes);
		}
		MediaType type = mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE));
		ImportFormat format = ImportFormat.of(type)
			.orElseThrow(() -> unsupported(type, "Content-Type '" + type + "' is not supported; send "
					+ "application/x-ndjson, application/json, text/csv or multipart/form-data with a part 'file'"));
		requireUtf8(type);
		// The body's size is limited where every request's is (ImportLimits).
		return new ImportBody(format, request.getInputStream());
	}

	private static ImportBody ofPart(MultipartFile file, long maxBytes)
			throws IOException, HttpMediaTypeNotSupportedException {
		if (file == null) {
			throw InvalidInputException.ofField(FILE_PART, "a multipart upload needs a part named 'file'");
		}
		if (file.getSize() > maxBytes) {
			throw new MaxUploadSizeExceededException(maxBytes);
		}
		MediaType partType = file.getContentType() == null ? null : parseOrNull(file.getContentType());
		ImportFormat format = ImportFormat.ofFileName(file.getOriginalFilename())
			.or(() -> partType == null ? Optional.empty() : ImportFormat.of(partType))
			.orElseThrow(() -> unsupported(partType, "file '" + file.getOriginalFilename()
					+ "' is neither .jsonl, .json nor .csv (nor sent as application/x-ndjson, application/json or text/csv)"));
		if (partType != null) {
			requireUtf8(partType);
		}
		return new ImportBody(format, file.getInputStream());
	}

	private static MediaType mediaType(String header) throws HttpMediaTypeNotSupportedException {
		if (header == null || header.isBlank()) {
			throw unsupported(null, "Content-Type is missing; send application/x-ndjson, application/json, text/csv "
					+ "or multipart/form-data with a part 'file'");
		}
		try {
			return MediaType.parseMediaType(header);
		}
		catch (InvalidMediaTypeException e) {
			throw unsupported(null, "Content-Type '" + header + "' cannot be parsed");
		}
	}

	private static MediaType parseOrNull(String type) {
		try {
			return MediaType.parseMediaType(type);
		}
		catch (InvalidMediaTypeException e) {
			return null;
		}
	}

	/** Files are UTF-8 only: a declared other charset is refused rather than misread. */
	private static void requireUtf8(MediaType type) throws HttpMediaTypeNotSupportedException {
		String charset = type.getParameter("charset");
		if (charset != null && !Set.of("utf-8", "utf8").contains(charset.replace("\"", "").toLowerCase(Locale.ROOT))) {
			throw unsupported(type, "only UTF-8 is accepted, not charset " + charset);
		}
	}

	private static HttpMediaTypeNotSupportedException unsupported(MediaType type, String detail) {
		HttpMediaTypeNotSupportedException e = new HttpMediaTypeNotSupportedException(type, ImportFormat.SUPPORTED,
				HttpMethod.POST);
		e.getBody().setDetail(detail);
		return e;
	}

}
