//! Sports results and tables, where a place written with its score is the
//! team named after it: `Leicester 2 Chelsea 1`, `Essex 372`,
//! `NEW YORK 74 59`.

use std::ops::Range;

use crate::token::TokenKind;

use super::rules::Context;

/// The most digits a score has (`1`, `22`, `372`; `1996` is a year).
const SCORE_DIGITS: usize = 3;

/// Whether the name at `name` is followed by its score inside `sentence`, in
/// a line that reads as a result: another capitalised word with its score
/// (`Leicester 2 Chelsea 1`), or a table row that opens with the name and
/// goes on with two numbers (`NEW YORK 74 59`).
pub fn is_team(cx: &Context<'_, '_>, name: &Range<usize>, sentence: &Range<usize>) -> bool {
    if !is_score(cx, name.end, sentence) {
        return false;
    }
    let opens_line = (sentence.start..name.start).all(|k| !cx.tokens[k].is_wordlike());
    let table_row = opens_line && is_score(cx, name.end + 1, sentence);
    let other_result = (sentence.start + 1..sentence.end)
        .filter(|&k| k != name.end)
        .any(|k| is_score(cx, k, sentence) && !name.contains(&(k - 1)) && cx.is_capitalised(k - 1));
    table_row || other_result
}

/// Whether token `k` (inside `sentence`) is a score: a number of at most three digits.
fn is_score(cx: &Context<'_, '_>, k: usize, sentence: &Range<usize>) -> bool {
    sentence.contains(&k) && cx.tokens[k].kind == TokenKind::Number && {
        let word = cx.word(k);
        word.len() <= SCORE_DIGITS && word.bytes().all(|b| b.is_ascii_digit())
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
    fn places_with_other_numbers_are_places() {
        assert_eq!(labels("Leicester 2"), [("Leicester".into(), Label::Gpe)]);
        assert_eq!(labels("LONDON 1996-08-30"), [("LONDON".into(), Label::Gpe)]);
        assert_eq!(labels("He moved to Boston 12 years ago."), [("Boston".into(), Label::Gpe)]);
    }
}
