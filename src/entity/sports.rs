//! Sports results and tables, where a place written with its score is the
//! team named after it: `Leicester 2 Chelsea 1`, `Essex 372`,
//! `NEW YORK 74 59`. Only a city or state names a club: a country or
//! region stays a place, its national side named as it is (`England 326`).

use std::cell::OnceCell;
use std::ops::Range;

use crate::token::TokenKind;

use super::context::Context;

/// The most digits a score has (`1`, `22`, `372`; `1996` is a year).
const SCORE_DIGITS: usize = 3;

/// A sentence as [`is_team`] reads it: where its first word is, and (found
/// once, when a name with a score first asks) its first and last results:
/// capitalised words followed by a score. Each name then costs a few
/// comparisons, not a pass over the sentence, however long it is.
pub struct Results {
    /// The sentence's tokens.
    sentence: Range<usize>,
    /// Its first word-like token (`sentence.end` when it has none).
    first_word: usize,
    /// The score tokens of its first and last results, if it has any.
    ends: OnceCell<Option<(usize, usize)>>,
}

impl Results {
    /// The results of the sentence of tokens `sentence`, whose first word-like token is `first_word`.
    pub fn new(sentence: Range<usize>, first_word: usize) -> Results {
        Results { sentence, first_word, ends: OnceCell::new() }
    }

    /// The score tokens of the first and last results.
    fn ends(&self, cx: &Context<'_, '_>) -> Option<(usize, usize)> {
        *self.ends.get_or_init(|| {
            let mut scores = (self.sentence.start + 1..self.sentence.end)
                .filter(|&k| is_score(cx, k, &self.sentence) && cx.is_capitalised(k - 1));
            let first = scores.next()?;
            Some((first, scores.next_back().unwrap_or(first)))
        })
    }
}

/// Whether the name at `name` is followed by its score inside its sentence
/// (whose `results` these are), in a line that reads as a result: another
/// capitalised word with its score (`Leicester 2 Chelsea 1`), or a table row
/// that opens with the name and goes on with two numbers (`NEW YORK 74 59`).
pub fn is_team(cx: &Context<'_, '_>, name: &Range<usize>, results: &Results) -> bool {
    let sentence = &results.sentence;
    if !is_score(cx, name.end, sentence) {
        return false;
    }
    let opens_line = results.first_word >= name.start;
    let table_row = opens_line && is_score(cx, name.end + 1, sentence);
    // Another result: one whose score does not follow a word of the name
    // (the scores in `name.start + 1..=name.end`), before or after those.
    let other_result = results.ends(cx).is_some_and(|(first, last)| first <= name.start || last > name.end);
    table_row || other_result
}

/// Whether token `k` (inside `sentence`) is a score: a number of at most three digits.
fn is_score(cx: &Context<'_, '_>, k: usize, sentence: &Range<usize>) -> bool {
    sentence.contains(&k) && cx.tokens[k].kind == TokenKind::Number && {
        let word = cx.word_bytes(k);
        word.len() <= SCORE_DIGITS && word.iter().all(u8::is_ascii_digit)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::entities as labels;
    use crate::Label;

    #[test]
    fn places_with_scores_are_teams() {
        assert_eq!(labels("Leicester 2 Chelsea 1"), [("Leicester".into(), Label::Org), ("Chelsea".into(), Label::Org)]);
        assert_eq!(labels("Boston 74 59 .556"), [("Boston".into(), Label::Org)]);
    }

    #[test]
    fn another_result_anywhere_in_the_sentence_counts() {
        let filler = "and ".repeat(50);
        let text = format!("Zorblax 3 {filler}Leicester 2");
        assert_eq!(labels(&text)[1], ("Leicester".into(), Label::Org));
        let text = format!("Leicester 2 {filler}Zorblax 3");
        assert_eq!(labels(&text)[0], ("Leicester".into(), Label::Org));
        // The name's own score is no other result.
        assert_eq!(labels(&format!("{filler}Leicester 2")), [("Leicester".into(), Label::Gpe)]);
    }

    #[test]
    fn a_table_row_opens_its_line() {
        assert_eq!(labels("( Boston 74 59"), [("Boston".into(), Label::Org)]);
        assert_eq!(labels("He said Boston 74 59"), [("Boston".into(), Label::Gpe)]);
    }

    #[test]
    fn a_country_with_its_score_is_its_national_side_a_place() {
        assert_eq!(labels("Leicester 2 Namibia 1"), [("Leicester".into(), Label::Org), ("Namibia".into(), Label::Gpe)]);
        assert_eq!(
            labels("Scotland 3 Leicester 1"),
            [("Scotland".into(), Label::Gpe), ("Leicester".into(), Label::Org)]
        );
    }

    #[test]
    fn places_with_other_numbers_are_places() {
        assert_eq!(labels("Leicester 2"), [("Leicester".into(), Label::Gpe)]);
        assert_eq!(labels("LONDON 1996-08-30"), [("LONDON".into(), Label::Gpe)]);
        assert_eq!(labels("He moved to Boston 12 years ago."), [("Boston".into(), Label::Gpe)]);
    }
}
