package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTokenizerTests {

	@Test
	void lowercasesWordsAndKeepsSymbols() {
		assertThat(new TextTokenizer(false).tokens("I'm SORRY, I can’t help.")).containsExactly("i'm", "sorry", ",",
				"i", "can't", "help", ".");
	}

	@Test
	void splitsChineseIntoCharactersAndBigrams() {
		assertThat(new TextTokenizer(false).tokens("我爱北京 ok")).containsExactly("我", "爱", "我爱", "北", "爱北", "京", "北京",
				"ok");
	}

	@Test
	void addsWordBigramsForBagsOfWords() {
		assertThat(new TextTokenizer(true).tokens("not safe")).containsExactly("not", "safe", "not safe");
	}

	@Test
	void unknownTokensFallIntoStableHashBuckets() {
		Vocabulary vocabulary = Vocabulary.build(List.of(List.of("a", "a", "b")), 2, 10, 8);

		assertThat(vocabulary.id("a")).isEqualTo(Vocabulary.RESERVED + 8);
		assertThat(vocabulary.id("zebra")).isBetween(Vocabulary.RESERVED, Vocabulary.RESERVED + 7)
			.isEqualTo(vocabulary.id("zebra"));
		assertThat(vocabulary.size()).isEqualTo(Vocabulary.RESERVED + 8 + 1);
	}

}
