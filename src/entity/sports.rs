//! Sports results and tables, where a place written with its score is the
//! team named after it: `Leicester 2 Chelsea 1`, `Essex 372`,
//! `NEW YORK 74 59`, also with its country in brackets before a lone score
//! (`Zorbton ( Malta ) 2`). Only a city or state names a club: a country or
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
            // A score after a capitalised word, or a lone one after a country in brackets that follows one.
            let after_name = |k: usize| {
                cx.is_capitalised(k - 1)
                    || (k >= self.sentence.start + 2
                        && cx.word_bytes(k - 1) == b")"
                        && cx.is_capitalised(k - 2)
                        && is_lone_score(cx, k, &self.sentence))
            };
            let mut scores = (self.sentence.start + 1..self.sentence.end)
                .filter(|&k| is_score(cx, k, &self.sentence) && after_name(k));
            let first = scores.next()?;
            Some((first, scores.next_back().unwrap_or(first)))
        })
    }
}

/// Whether the name at `name` is followed by its score inside its sentence
/// (whose `results` these are), right after it or after its country in
/// brackets (`Zorbton ( Quuxland ) 2`), in a line that reads as a result:
/// another capitalised word with its score (`Leicester 2 Chelsea 1`), or a
/// table row that opens with the name and goes on with two numbers (`NEW
/// YORK 74 59`).
pub fn is_team(cx: &Context<'_, '_>, name: &Range<usize>, results: &Results) -> bool {
    let sentence = &results.sentence;
    let Some(score) = score_after(cx, name.end, sentence) else {
        return false;
    };
    let opens_line = results.first_word >= name.start;
    let table_row = opens_line && is_score(cx, score + 1, sentence);
    // Another result: one whose score does not follow a word of the name
    // (the scores in `name.start + 1..=score`), before or after those.
    let other_result = results.ends(cx).is_some_and(|(first, last)| first <= name.start || last > score);
    table_row || other_result
}

/// The most words a country in brackets between a name and its score has (`( Czech Republic )`).
const MAX_BRACKETED: usize = 3;

/// The score of a name that ends before token `end`: the token at `end`, or
/// the one after a bracket of one to [`MAX_BRACKETED`] capitalised words
/// there (`Zorbton ( Quuxland ) 2`, the club's country) when it is a lone
/// score (a golfer's `( Quuxland ) 68 71` is a player's card).
fn score_after(cx: &Context<'_, '_>, end: usize, sentence: &Range<usize>) -> Option<usize> {
    if !sentence.contains(&end) {
        return None;
    }
    // Most names are followed by a word or a comma: one look at the token's kind or first byte.
    let token = cx.tokens[end];
    if token.kind == TokenKind::Number {
        return is_score(cx, end, sentence).then_some(end);
    }
    if cx.text.as_bytes()[token.span().start()] != b'(' {
        return None;
    }
    let limit = (end + 2 + MAX_BRACKETED).min(sentence.end);
    let close = (end + 2..limit).find(|&k| cx.word_bytes(k) == b")")?;
    let score = close + 1;
    ((end + 1..close).all(|k| cx.is_capitalised(k)) && is_lone_score(cx, score, sentence)).then_some(score)
}

/// Whether token `k` is a score that no other number or time goes on from:
/// the sentence ends after it, or a capitalised word or a bracket follows
/// (`2 Zorbton`, `1 ( 1-1 )`, not `68 71` or `4:15.006`).
fn is_lone_score(cx: &Context<'_, '_>, k: usize, sentence: &Range<usize>) -> bool {
    is_score(cx, k, sentence) && (k + 1 == sentence.end || cx.is_capitalised(k + 1) || cx.word_bytes(k + 1) == b"(")
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
    fn a_club_s_country_in_brackets_may_stand_before_its_score() {
        assert_eq!(
            labels("Zorbton ( Malta ) 2 Leicester ( Wales ) 1"),
            [
                ("Zorbton".into(), Label::Org),
                ("Malta".into(), Label::Gpe),
                ("Leicester".into(), Label::Org),
                ("Wales".into(), Label::Gpe)
            ]
        );
        // A golfer's card goes on with more numbers: a player, not a club.
        assert_eq!(
            labels("Tony Zorbl ( Wales ) 68 71 , Mark Quux 70 69"),
            [("Tony Zorbl".into(), Label::Person), ("Wales".into(), Label::Gpe), ("Mark Quux".into(), Label::Person)]
        );
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
