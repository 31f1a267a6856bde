package org.ranklab.web;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal lists at most a hundred errors and counts the rest, whoever found them,
 * so that a body full of mistakes cannot be answered with a document many times its size.
 */
class InvalidInputExceptionTests {

	@Test
	void listsTheFirstHundredErrorsThenCountsTheRest() {
		List<InputError> errors = IntStream.range(0, 250)
			.mapToObj(i -> InputError.field("items[" + i + "]", "is wrong"))
			.toList();

		InvalidInputException refused = InvalidInputException.of(errors);

		assertThat(refused.errors()).hasSize(101);
		assertThat(refused.errors().get(99).field()).isEqualTo("items[99]");
		assertThat(refused.errors().get(100).message()).isEqualTo("and 150 more errors");
		assertThat(refused.getMessage()).isEqualTo("250 errors; the first: items[0]: is wrong");
	}

	@Test
	void capsTheListAlsoWhenTheCallerBuiltTheDetail() {
		List<InputError> errors = IntStream.range(0, 101).mapToObj(i -> InputError.line(i + 1, "bad")).toList();

		InvalidInputException refused = new InvalidInputException("many", errors);

		assertThat(refused.errors()).hasSize(101);
		assertThat(refused.errors().get(100).message()).isEqualTo("and 1 more error");
	}

	@Test
	void joinsAFewErrorsIntoTheDetail() {
		InvalidInputException refused = InvalidInputException
			.of(List.of(InputError.field("a", "is wrong"), InputError.field("b", "is missing")));

		assertThat(refused.errors()).hasSize(2);
		assertThat(refused.getMessage()).isEqualTo("a: is wrong; b: is missing");
	}

}
