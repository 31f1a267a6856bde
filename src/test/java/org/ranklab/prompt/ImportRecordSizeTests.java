package org.ranklab.prompt;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One record of any import format is refused once it passes the per-record cap, and
 * reading stops there: a 50 MB record is never held whole. Memory is bounded by
 * construction: the body counts the bytes the reader pulled, and what was never read
 * cannot be in memory.
 */
class ImportRecordSizeTests {

	private static final int FIFTY_MB = 50 * 1024 * 1024;

	/** The cap plus the read-ahead buffers of the decoder and the parsers. */
	private static final long MOST_EVER_READ = RecordReader.MAX_RECORD_CHARS + 1024 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void refusesACsvRecordWithAnUnclosedQuoteNamingItsLine() {
		GeneratedBody body = new GeneratedBody("prompt,candidate_1,candidate_2\nfine,a,b\n\"never closed,", 'x',
				FIFTY_MB, "");

		List<InputError> errors = read(ImportFormat.CSV, body);

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.message()).contains("longer than " + RecordReader.MAX_RECORD_CHARS + " characters");
		});
		assertThat(body.bytesRead()).isLessThan(MOST_EVER_READ);
	}

	@Test
	void refusesAJsonArrayElementWithAHugeMetaNamingTheRecord() {
		GeneratedBody body = new GeneratedBody(
				"[{\"prompt\":\"fine\",\"candidates\":[\"a\",\"b\"]},\n{\"prompt\":\"big\",\"meta\":{\"blob\":\"", 'x',
				FIFTY_MB, "\"}}]");

		List<InputError> errors = read(ImportFormat.JSON_ARRAY, body);

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.line()).isEqualTo(2);
			assertThat(error.message()).contains("record 2")
				.contains("longer than " + RecordReader.MAX_RECORD_CHARS + " characters");
		});
		assertThat(body.bytesRead()).isLessThan(MOST_EVER_READ);
	}

	@Test
	void refusesANdjsonLineOverTheSameCapAndGoesOn() {
		GeneratedBody body = new GeneratedBody("{\"prompt\":\"big\",\"meta\":{\"blob\":\"", 'x',
				RecordReader.MAX_RECORD_CHARS, "\"}}\n{\"prompt\":\"fine\"}\n");
		List<ImportRecord> records = new ArrayList<>();

		List<InputError> errors = read(ImportFormat.NDJSON, body, records);

		assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.message())
				.contains("longer than " + RecordReader.MAX_RECORD_CHARS + " characters"));
		assertThat(records).extracting(ImportRecord::line).containsExactly(2L);
	}

	@Test
	void acceptsRecordsJustUnderTheCap() {
		int text = RecordReader.MAX_RECORD_CHARS - 64 * 1024;
		GeneratedBody csv = new GeneratedBody("prompt\n\"", 'y', text, "\"\nnext\n");
		GeneratedBody array = new GeneratedBody("[{\"prompt\":\"", 'y', text, "\"},{\"prompt\":\"next\"}]");
		List<ImportRecord> fromCsv = new ArrayList<>();
		List<ImportRecord> fromArray = new ArrayList<>();

		assertThat(read(ImportFormat.CSV, csv, fromCsv)).isEmpty();
		assertThat(read(ImportFormat.JSON_ARRAY, array, fromArray)).isEmpty();

		assertThat(fromCsv).extracting(record -> record.prompt().length()).containsExactly(text, 4);
		assertThat(fromArray).extracting(record -> record.prompt().length()).containsExactly(text, 4);
	}

	private List<InputError> read(ImportFormat format, InputStream body) {
		return read(format, body, new ArrayList<>());
	}

	private List<InputError> read(ImportFormat format, InputStream body, List<ImportRecord> records) {
		ImportProblems problems = new ImportProblems();
		format.reader(json).read(new StrictUtf8Reader(body), records::add, problems);
		if (problems.isEmpty()) {
			return List.of();
		}
		InvalidInputException refused = problems.toException();
		return refused.errors();
	}

	/**
	 * A head, then {@code count} copies of one ASCII character, then a tail, made up
	 * while read.
	 */
	static final class GeneratedBody extends InputStream {

		private final byte[] head;

		private final byte filler;

		private final long count;

		private final byte[] tail;

		private long position;

		GeneratedBody(String head, char filler, long count, String tail) {
			this.head = head.getBytes(StandardCharsets.UTF_8);
			this.filler = (byte) filler;
			this.count = count;
			this.tail = tail.getBytes(StandardCharsets.UTF_8);
		}

		long bytesRead() {
			return position;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			long total = head.length + count + tail.length;
			if (position >= total) {
				return -1;
			}
			int n = (int) Math.min(length, total - position);
			for (int i = 0; i < n; i++) {
				long at = position + i;
				buffer[offset + i] = at < head.length ? head[(int) at]
						: at < head.length + count ? filler : tail[(int) (at - head.length - count)];
			}
			position += n;
			return n;
		}

	}

}
