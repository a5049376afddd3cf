//! Charts of reported figures: for each metric, every outlet's figures over
//! time as points, and the consensus as a line, drawn as SVG with plotters.
//!
//! Positions on the page are drawing, not figures: amounts become f64 only
//! to be placed and to label the axis ("$60B"); every figure a reader takes
//! from a report is in its CSV files, exact.

use chrono::NaiveDate;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One metric's panel.
#[derive(Debug, Clone, Default)]
pub struct Panel<'a> {
    pub title: String,
    /// (outlet, date, US dollars) per reported figure.
    pub points: Vec<(&'a str, NaiveDate, Decimal)>,
    /// The consensus as of each date it was worked out.
    pub consensus: Vec<(NaiveDate, Decimal)>,
}

const WIDTH: u32 = 960;
const PANEL_HEIGHT: u32 = 340;
/// A panel's frame, in pixels: its margin on every side, the band of date
/// labels below the plot, the band of dollar labels to its left, and the
/// caption above it (18 px text and its spacing). What is left is the
/// plot, which the legend is measured against.
const MARGIN: u32 = 12;
const X_LABEL_AREA: u32 = 36;
const Y_LABEL_AREA: u32 = 72;
const CAPTION: u32 = 26;

/// The corners of a panel a legend may stand in, in the order tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Corner {
    UpperLeft,
    UpperRight,
    LowerLeft,
    LowerRight,
}

impl Corner {
    const ALL: [Corner; 4] = [Corner::UpperLeft, Corner::UpperRight, Corner::LowerLeft, Corner::LowerRight];

    fn position(self) -> SeriesLabelPosition {
        match self {
            Corner::UpperLeft => SeriesLabelPosition::UpperLeft,
            Corner::UpperRight => SeriesLabelPosition::UpperRight,
            Corner::LowerLeft => SeriesLabelPosition::LowerLeft,
            Corner::LowerRight => SeriesLabelPosition::LowerRight,
        }
    }

    /// Whether a point at (x, y), as fractions of the plot (0 is left and
    /// bottom), falls under a legend of `(width, height)` fractions here.
    fn covers(self, (x, y): (f64, f64), (width, height): (f64, f64)) -> bool {
        let left = x <= width;
        let right = x >= 1.0 - width;
        let top = y >= 1.0 - height;
        let bottom = y <= height;
        match self {
            Corner::UpperLeft => left && top,
            Corner::UpperRight => right && top,
            Corner::LowerLeft => left && bottom,
            Corner::LowerRight => right && bottom,
        }
    }
}

/// The corner where a legend of that size hides the fewest points (the
/// first in `Corner::ALL` on a tie): a legend over a figure hides what the
/// chart is for.
fn legend_corner(points: &[(f64, f64)], size: (f64, f64)) -> Corner {
    Corner::ALL
        .into_iter()
        .min_by_key(|c| points.iter().filter(|p| c.covers(**p, size)).count())
        .unwrap_or(Corner::UpperLeft)
}

/// The unit an axis's labels are written in, for values up to `top`.
fn unit_of(top: f64) -> (f64, &'static str) {
    if top >= 1e9 {
        (1e9, "B")
    } else if top >= 1e6 {
        (1e6, "M")
    } else if top >= 1e3 {
        (1e3, "K")
    } else {
        (1.0, "")
    }
}

/// "$61B", "$60.8B", "$675M": an axis label, in the axis's unit, with as
/// many decimals as the step between labels needs (so no two read alike).
fn axis_usd(v: f64, (unit, suffix): (f64, &str), step: f64) -> String {
    let step = step / unit;
    let digits = if step >= 1.0 { 0 } else { (-step.log10()).ceil().clamp(0.0, 6.0) as usize };
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}${:.digits$}{suffix}", v.abs() / unit)
}

/// Colours that read on white and apart from each other (Tableau's ten).
const COLOURS: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// The panels, one above the other, as an SVG document: figures dated from
/// `from` to `to`, each panel's axis from its first figure (or a month
/// before `to`, whichever is earlier) to `to`. An outlet keeps its colour
/// across panels (colours follow the outlets' names in order).
pub fn figures_svg(panels: &[Panel<'_>], from: NaiveDate, to: NaiveDate) -> Result<String, String> {
    let mut outlets: Vec<&str> = panels.iter().flat_map(|p| p.points.iter().map(|(o, _, _)| *o)).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let colour = |outlet: &str| COLOURS[outlets.binary_search(&outlet).unwrap_or(0) % COLOURS.len()];
    let height = PANEL_HEIGHT * (panels.len().max(1) as u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        if panels.is_empty() {
            root.draw(&Text::new("No figures this month.", (20, 40), ("sans-serif", 20).into_font()))
                .map_err(|e| e.to_string())?;
        }
        for (panel, area) in panels.iter().zip(root.split_evenly((panels.len().max(1), 1))) {
            // Each panel spans its own figures (within `from`..`to`), at
            // least a month: a year's axis for a week of figures would
            // crowd them into one corner.
            let first = panel.points.iter().map(|p| p.1).filter(|d| *d >= from).min().unwrap_or(to);
            let month_before = to.checked_sub_days(chrono::Days::new(30)).unwrap_or(to);
            let start = first.min(month_before).checked_sub_days(chrono::Days::new(2)).unwrap_or(from).max(from);
            let usd = |v: Decimal| v.to_f64().unwrap_or(0.0);
            let values = panel.points.iter().map(|p| usd(p.2)).chain(panel.consensus.iter().map(|c| usd(c.1)));
            let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let (lo, hi) = if lo > hi { (0.0, 1.0) } else { (lo, hi) };
            // Room above and below, and never a flat range.
            let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.05).max(1.0);
            let (bottom, top) = ((lo - pad).max(0.0), hi + pad);
            const Y_LABELS: usize = 6;
            let (unit, step) = (unit_of(top), (top - bottom) / Y_LABELS as f64);
            let mut chart = ChartBuilder::on(&area)
                .caption(&panel.title, ("sans-serif", 18))
                .margin(MARGIN)
                .x_label_area_size(X_LABEL_AREA)
                .y_label_area_size(Y_LABEL_AREA)
                .build_cartesian_2d(start..to, bottom..top)
                .map_err(|e| e.to_string())?;
            chart
                .configure_mesh()
                .x_labels(7)
                .y_labels(Y_LABELS)
                .x_label_formatter(&|d| d.format("%Y-%m-%d").to_string())
                .y_label_formatter(&|v| axis_usd(*v, unit, step))
                .label_style(("sans-serif", 13))
                .light_line_style(RGBColor(235, 235, 235))
                .draw()
                .map_err(|e| e.to_string())?;
            let in_range = |d: &NaiveDate| (start..=to).contains(d);
            let line: Vec<(NaiveDate, f64)> =
                panel.consensus.iter().filter(|c| in_range(&c.0)).map(|c| (c.0, usd(c.1))).collect();
            if !line.is_empty() {
                chart
                    .draw_series(LineSeries::new(line.iter().copied(), BLACK.stroke_width(2)))
                    .map_err(|e| e.to_string())?
                    .label("consensus")
                    .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], BLACK.stroke_width(2)));
            }
            let mut shown: Vec<&str> = panel.points.iter().map(|p| p.0).collect();
            shown.sort_unstable();
            shown.dedup();
            // Where every point and the consensus stand, as fractions of the
            // plot, and how much of it the legend takes (its font is 13 px:
            // about 7 px a character, 18 px a line, and the marker beside).
            let span = (to - start).num_days().max(1) as f64;
            let at = |d: NaiveDate, v: f64| ((d - start).num_days() as f64 / span, (v - bottom) / (top - bottom));
            let placed: Vec<(f64, f64)> = panel
                .points
                .iter()
                .filter(|p| in_range(&p.1))
                .map(|p| at(p.1, usd(p.2)))
                .chain(line.iter().map(|&(d, v)| at(d, v)))
                .collect();
            let labels = shown.len() + usize::from(!line.is_empty());
            let longest = shown.iter().map(|o| o.chars().count()).max().unwrap_or(0).max("consensus".len());
            let plot_width = f64::from(WIDTH - Y_LABEL_AREA - 2 * MARGIN);
            let plot_height = f64::from(PANEL_HEIGHT - X_LABEL_AREA - 2 * MARGIN - CAPTION);
            let legend = ((40.0 + 7.0 * longest as f64) / plot_width, (12.0 + 18.0 * labels as f64) / plot_height);
            let corner = legend_corner(&placed, legend);
            for outlet in shown {
                let c = colour(outlet);
                chart
                    .draw_series(
                        panel
                            .points
                            .iter()
                            .filter(|p| p.0 == outlet && in_range(&p.1))
                            .map(|p| Circle::new((p.1, usd(p.2)), 5, c.filled())),
                    )
                    .map_err(|e| e.to_string())?
                    .label(outlet)
                    .legend(move |(x, y)| Circle::new((x + 9, y), 5, c.filled()));
            }
            chart
                .configure_series_labels()
                .position(corner.position())
                .label_font(("sans-serif", 13))
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(180, 180, 180))
                .draw()
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_goes_where_it_hides_no_figure() {
        let size = (0.2, 0.2);
        // Nothing in the upper left: the legend stays there.
        assert_eq!(legend_corner(&[(0.5, 0.5), (0.9, 0.1)], size), Corner::UpperLeft);
        // A figure there: the next free corner.
        assert_eq!(legend_corner(&[(0.05, 0.95), (0.5, 0.5)], size), Corner::UpperRight);
        assert_eq!(legend_corner(&[(0.05, 0.95), (0.95, 0.95)], size), Corner::LowerLeft);
        // Every corner taken: the one that hides fewest.
        let crowded = [(0.05, 0.95), (0.06, 0.94), (0.95, 0.95), (0.96, 0.9), (0.05, 0.05), (0.06, 0.06), (0.95, 0.05)];
        assert_eq!(legend_corner(&crowded, size), Corner::LowerRight);
    }

    #[test]
    fn axis_labels_read_as_money_and_never_alike() {
        let billions = unit_of(70e9);
        assert_eq!(axis_usd(60e9, billions, 2e9), "$60B");
        assert_eq!(axis_usd(60.8e9, billions, 0.2e9), "$60.8B");
        // Labels 50 million apart on a billion scale keep two decimals.
        assert_eq!(axis_usd(1.55e9, unit_of(1.7e9), 0.05e9), "$1.55B");
        assert_eq!(axis_usd(675e6, unit_of(700e6), 25e6), "$675M");
        assert_eq!(axis_usd(0.0, billions, 2e9), "$0B");
    }

    #[test]
    fn a_chart_names_its_metric_its_outlets_and_the_consensus() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let b = |n: i64| Decimal::from(n) * Decimal::from(1_000_000_000);
        let panel = Panel {
            title: "united-states/ukraine/total/enacted".into(),
            points: vec![("Lakeside Tribune", d("2024-04-25"), b(61)), ("A & B <News>", d("2024-04-26"), b(66))],
            consensus: vec![(d("2024-04-25"), b(61)), (d("2024-04-26"), b(61))],
        };
        let svg = figures_svg(std::slice::from_ref(&panel), d("2024-01-01"), d("2024-04-30")).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        for text in ["united-states/ukraine/total/enacted", "Lakeside Tribune", "consensus", "2024-04-"] {
            assert!(svg.contains(text), "{text} missing");
        }
        // The amount axis is labelled in billions of dollars.
        assert!(svg.contains("$60B") && svg.contains("$64B"), "no dollar axis");
        // Text from an article is escaped in the SVG.
        assert!(svg.contains("A &amp; B &lt;News&gt;"), "the outlet's name is escaped");
        let again = figures_svg(&[panel], d("2024-01-01"), d("2024-04-30")).unwrap();
        assert_eq!(svg, again, "the same chart, byte for byte");
    }
}
