package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits English and Chinese (and other) text into tokens without any downloaded
 * resources: lowercase words of letters and digits (an apostrophe inside a word stays in
 * it), every other visible symbol on its own, and for Han, kana and Hangul each character
 * plus each bigram of neighbouring characters, since Chinese has no spaces. With
 * {@code wordBigrams} a bag-of-words model also gets "a b" for neighbouring non-CJK
 * tokens.
 */
final class TextTokenizer {

	private final boolean wordBigrams;

	TextTokenizer(boolean wordBigrams) {
		this.wordBigrams = wordBigrams;
	}

	boolean wordBigrams() {
		return wordBigrams;
	}

	List<String> tokens(String text) {
		return new Run(text).tokens;
	}

	static boolean isCjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	private static boolean isApostrophe(int cp) {
		return cp == '\'' || cp == '\u2019';
	}

	/** The state of one pass over a text. */
	private final class Run {

		final List<String> tokens = new ArrayList<>();

		private final StringBuilder word = new StringBuilder();

		private String previousWord;

		private String previousCjk;

		Run(String text) {
			int i = 0;
			while (i < text.length()) {
				int cp = text.codePointAt(i);
				int next = i + Character.charCount(cp);
				if (isCjk(cp)) {
					flushWord();
					cjk(new String(Character.toChars(cp)));
				}
				else if (Character.isLetterOrDigit(cp)) {
					word.appendCodePoint(cp);
				}
				else if (isApostrophe(cp) && !word.isEmpty() && next < text.length()
						&& Character.isLetter(text.codePointAt(next))) {
					word.append('\'');
				}
				else {
					flushWord();
					previousCjk = null;
					if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)) {
						nonCjk(new String(Character.toChars(cp)));
					}
				}
				i = next;
			}
			flushWord();
		}

		private void cjk(String ch) {
			tokens.add(ch);
			if (previousCjk != null) {
				tokens.add(previousCjk + ch);
			}
			previousCjk = ch;
			previousWord = null;
		}

		private void flushWord() {
			if (!word.isEmpty()) {
				nonCjk(word.toString().toLowerCase(Locale.ROOT));
				word.setLength(0);
			}
		}

		private void nonCjk(String token) {
			tokens.add(token);
			if (wordBigrams && previousWord != null) {
				tokens.add(previousWord + " " + token);
			}
			previousWord = token;
			previousCjk = null;
		}

	}

}
