package org.ranklab.prompt;

import java.util.function.Consumer;

/** Reads the records of one import format, one at a time, however large the body. */
interface RecordReader {

	/** The most characters one record may take, in every format. */
	int MAX_RECORD_CHARS = 8 * 1024 * 1024;

	/**
	 * Hands each well-formed record to {@code records} in file order and reports every
	 * malformed one to {@code problems}, with its line.
	 */
	void read(StrictUtf8Reader body, Consumer<ImportRecord> records, ImportProblems problems);

}
