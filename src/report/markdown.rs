//! Markdown tables whose cells hold text from articles: an outlet's name or
//! a detail may carry a `|` (which would split the cell) or a line break
//! (which would end the table).

/// Text for one table cell: `|` escaped, line breaks as spaces, and the
/// characters that would start a link, emphasis or HTML escaped, so text from
/// an article reads as it was written.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table: a header row, its rule, and the rows (cells escaped with `cell`
/// by the caller where they hold outside text).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        out.push('|');
        for c in cells {
            out.push(' ');
            out.push_str(c);
            out.push_str(" |");
        }
        out.push('\n');
    };
    line(&mut header.iter().copied(), &mut out);
    line(&mut header.iter().map(|_| "---"), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_or_a_line_break_stays_inside_its_cell() {
        assert_eq!(cell("Reuters | AP"), "Reuters \\| AP");
        assert_eq!(cell("two\nlines"), "two lines");
        assert_eq!(cell("[link](x) *bold*"), "\\[link\\](x) \\*bold\\*");
        let t = table(&["outlet", "n"], &[vec![cell("A|B"), "2".into()]]);
        assert_eq!(t, "| outlet | n |\n| --- | --- |\n| A\\|B | 2 |\n");
        // Every row has as many unescaped pipes as the header.
        let unescaped = |l: &str| l.replace("\\|", "").matches('|').count();
        assert!(t.lines().all(|l| unescaped(l) == 3));
    }
}
