//! Every country as an actor, from the `keshvar` crate: its English short
//! name, its German and French names, and its demonym; and its capital,
//! which news uses for its government ("Washington", "Islamabad"), from the
//! `iso-rs` crate (MIT, built on the REST Countries data). The subject lexicon
//! adds to it and overrides it: a country the lexicon already names keeps
//! the lexicon's name and role and gains the gazetteer's names as aliases.

use super::{Actor, Role, Source};
use crate::labels::SourceKind;

/// The languages whose names of a country are read as its aliases.
const LANGUAGES: [&str; 2] = [GERMAN, "fr"];

/// Where a country's name goes in the lexicon's name of its government.
pub(super) const COUNTRY_PLACEHOLDER: &str = "{country}";

/// German, whose names of countries also take a genitive -s.
const GERMAN: &str = "de";

/// Countries smaller than this keep their capital out of the gazetteer:
/// few reports use it for the government, and many such capitals are also
/// people's names or words ("Hamilton", "Victoria", "Male").
const CAPITAL_MIN_POPULATION: u64 = 1_000_000;

/// The capital a reporter names for the country's government: the city's
/// name without its district ("Washington, D.C." is "Washington").
fn capital_of(country: &keshvar::Country) -> Option<&'static str> {
    if country.maybe_population().is_none_or(|p| p < CAPITAL_MIN_POPULATION) {
        return None;
    }
    let code = country.alpha2().to_string();
    let capital = iso_rs::Country::from_alpha_2(&code)?.first()?.capital?;
    capital.split(',').next().map(str::trim).filter(|c| !c.is_empty())
}

/// Adds every country to `actors`, or its names to the actor that is it.
pub(super) fn add_countries(actors: &mut Vec<Actor>, sources: &mut Vec<Source>, government: Option<&str>) {
    // A name already taken (by the lexicon, by a country before, or twice in
    // one country's list) keeps its first owner: "American" is the United
    // States', not its islands'.
    let mut taken: std::collections::HashSet<String> =
        actors.iter().flat_map(|a| a.aliases.iter().chain(std::iter::once(&a.name))).cloned().collect();
    let adjectives = adjectives_by_country();
    for country in keshvar::CountryIterator::new() {
        let english = country.iso_short_name();
        // The register's short name and the first of its other names, the
        // English one in common use ("Bolivia", "Iran"); the rest of that list
        // is in other languages.
        // The common name comes first: it is the actor's name, the one a
        // reader knows ("Syria", not "Syrian Arab Republic").
        let common = country.unofficial_name_list().first().copied().filter(|n| n.is_ascii() && *n != english);
        let mut names: Vec<&str> = common.into_iter().collect();
        names.push(english);
        let mut aliases: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        for lang in LANGUAGES {
            if let Some(t) = country.translations().get(lang) {
                aliases.push(t.to_string());
                // German names a country's own in the genitive with an -s
                // ("Deutschlands Hilfe", "Japans Beitrag"), save after a hiss.
                if lang == GERMAN && !t.ends_with(['s', 'x', 'z', 'ß']) {
                    aliases.push(format!("{t}s"));
                }
                // German also names a country's own with its name and -er,
                // which never declines ("die Schweizer Regierung", "Luxemburger
                // Hilfe", "japanische" aside "Japaner"). A form no one writes
                // ("Deutschlander") does no harm: it is never met.
                if lang == GERMAN && !t.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) && !t.contains(' ') {
                    aliases.push(format!("{t}er"));
                }
            }
        }
        if let Some(demonym) = country.maybe_nationality() {
            aliases.push(demonym.to_string());
            // The people, as English writes them: "aid to Syrians", "Pakistanis".
            if demonym.ends_with(['n', 'i']) {
                aliases.push(format!("{demonym}s"));
            }
        }
        if let Some(forms) = adjectives.get(country.alpha2().to_string().as_str()) {
            aliases.extend(forms.iter().map(|f| f.to_string()));
        }
        aliases.extend(capital_of(&country).map(str::to_string));
        // A name with a bracket or a comma is a register's, not a reporter's.
        aliases.retain(|a| !a.is_empty() && !a.contains(['(', ')', ',']));
        let known = actors.iter().position(|a| names.iter().any(|n| a.name == *n || a.aliases.iter().any(|x| x == n)));
        aliases.retain(|a| taken.insert(a.clone()));
        match known {
            Some(at) => {
                actors[at].aliases.extend(aliases);
                if actors[at].government.is_none() && actors[at].role != Role::Neither {
                    actors[at].officials_speak_as = government.map(|g| government_of(g, &actors[at].name, sources));
                }
            }
            None if !aliases.is_empty() => {
                let officials_speak_as = government.map(|g| government_of(g, &aliases[0], sources));
                actors.push(Actor {
                    name: aliases[0].clone(),
                    role: Role::Either,
                    government: None,
                    usual_category: None,
                    aliases,
                    officials_speak_as,
                })
            }
            None => {}
        }
    }
}

/// The German and French adjectives of the countries in every form news
/// writes them (`data/demonyms.csv`, made by `scripts/make-demonyms.py`
/// from the `i18n-nationality` package, MIT licence): "schweizerischen",
/// "camerounais", "française". keshvar gives the English one only.
const DEMONYMS_CSV: &str = include_str!("../../data/demonyms.csv");

/// Each ISO 3166-1 alpha-2 code's adjective forms, in the file's order.
fn adjectives_by_country() -> std::collections::HashMap<&'static str, Vec<&'static str>> {
    let mut out: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    // The file is the project's own, checked by a test; its header is skipped.
    for line in DEMONYMS_CSV.lines().skip(1) {
        let mut fields = line.split(',');
        if let (Some(code), Some(_language), Some(form)) = (fields.next(), fields.next(), fields.next()) {
            out.entry(code).or_default().push(form);
        }
    }
    out
}

/// The source a country's officials speak as, named by the lexicon's
/// pattern ("Government of {country}" gives "Government of Pakistan"), added
/// to `sources` unless it is there.
fn government_of(pattern: &str, country: &str, sources: &mut Vec<Source>) -> String {
    let government = pattern.replace(COUNTRY_PLACEHOLDER, country);
    if !sources.iter().any(|s| s.name == government) {
        sources.push(Source {
            name: government.clone(),
            kind: SourceKind::Government,
            aliases: vec![government.clone()],
        });
    }
    government
}

/// The international bodies (`data/bodies.csv`, made by
/// `scripts/make-bodies.py` from the OECD DAC channel codes that the
/// `oda_data` package ships, MIT licence): a name and its acronyms a line.
const BODIES_CSV: &str = include_str!("../../data/bodies.csv");

/// The start of the long names of the UN's own agencies and funds ("United
/// Nations Children's Fund"), which readers and the press know by their
/// acronym ("UNICEF", "UNRWA", "UNDP"): such a body is named by it.
const UN_AGENCY_PREFIX: &str = "United Nations ";

/// The name a reader knows a body by: a UN agency's acronym, else its name.
fn reader_name<'n>(name: &'n str, acronyms: &'n str) -> &'n str {
    match acronyms.split_whitespace().next() {
        Some(acronym) if name.starts_with(UN_AGENCY_PREFIX) => acronym,
        _ => name,
    }
}

/// Adds every international body as an actor that may give or receive (the
/// World Bank lends; UNRWA is given to), and as a source of kind agency.
/// The lexicon's own actors and sources keep their names and gain the
/// body's; a name already taken keeps its first owner.
pub(super) fn add_bodies(actors: &mut Vec<Actor>, sources: &mut Vec<Source>) {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(BODIES_CSV.as_bytes());
    let mut taken_by_actor: std::collections::HashSet<String> =
        actors.iter().flat_map(|a| a.aliases.iter().chain(std::iter::once(&a.name))).cloned().collect();
    let mut taken_by_source: std::collections::HashSet<String> =
        sources.iter().flat_map(|s| s.aliases.iter().chain(std::iter::once(&s.name))).cloned().collect();
    // The file is the project's own, checked by a test: a bad line is skipped.
    for record in reader.records().flatten() {
        let (Some(name), Some(acronyms)) = (record.get(0), record.get(1)) else { continue };
        let names: Vec<String> = std::iter::once(name).chain(acronyms.split_whitespace()).map(str::to_string).collect();
        let shown = reader_name(name, acronyms);
        let known = actors.iter().position(|a| names.iter().any(|n| a.name == *n || a.aliases.contains(n)));
        let new_names: Vec<String> = names.iter().filter(|n| taken_by_actor.insert((*n).clone())).cloned().collect();
        match known {
            Some(at) => actors[at].aliases.extend(new_names),
            None if !new_names.is_empty() => actors.push(Actor {
                name: shown.to_string(),
                role: Role::Either,
                government: None,
                usual_category: None,
                aliases: new_names,
                officials_speak_as: None,
            }),
            None => {}
        }
        let known = sources.iter().position(|s| names.iter().any(|n| s.name == *n || s.aliases.contains(n)));
        let new_names: Vec<String> = names.iter().filter(|n| taken_by_source.insert((*n).clone())).cloned().collect();
        match known {
            Some(at) => sources[at].aliases.extend(new_names),
            None if !new_names.is_empty() => {
                sources.push(Source { name: shown.to_string(), kind: SourceKind::Agency, aliases: new_names })
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_reads_with_its_acronyms() {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(BODIES_CSV.as_bytes());
        let mut seen = std::collections::HashSet::new();
        let mut n = 0;
        for record in reader.records() {
            let record = record.expect("bodies.csv reads as CSV");
            assert_eq!(record.len(), 2, "{record:?}");
            let name = &record[0];
            assert!(!name.is_empty() && name.trim() == name, "{record:?}");
            for acronym in record[1].split_whitespace() {
                assert!(acronym.len() >= 3, "{record:?}");
                assert!(seen.insert(acronym.to_string()), "{acronym} names two bodies");
            }
            n += 1;
        }
        assert!(n > 200, "only {n} bodies");
        let (mut actors, mut sources) = (Vec::new(), Vec::new());
        add_bodies(&mut actors, &mut sources);
        let unhcr = actors.iter().find(|a| a.aliases.iter().any(|x| x == "UNHCR")).expect("UNHCR");
        // A UN agency goes by its acronym, its long name an alias; other
        // bodies by their name.
        assert_eq!(unhcr.name, "UNHCR");
        assert!(unhcr.aliases.iter().any(|x| x == "United Nations Office of the High Commissioner for Refugees"));
        assert_eq!(unhcr.role, Role::Either);
        assert!(actors.iter().any(|a| a.name == "United Nations" && a.aliases.iter().any(|x| x == "United Nations")));
        assert!(sources.iter().any(|s| s.name == "Islamic Development Bank" && s.kind == SourceKind::Agency));
    }

    #[test]
    fn a_country_is_named_by_its_german_and_french_adjectives() {
        let adjectives = adjectives_by_country();
        assert!(adjectives.len() > 200, "only {} countries", adjectives.len());
        for line in DEMONYMS_CSV.lines().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(matches!(fields[1], "de" | "fr"), "{line}");
            assert!(!fields[2].is_empty() && fields[2] == fields[2].to_lowercase(), "{line}");
        }
        let (mut actors, mut sources) = (Vec::new(), Vec::new());
        add_countries(&mut actors, &mut sources, None);
        let named = |alias: &str| actors.iter().find(|a| a.aliases.iter().any(|x| x == alias)).map(|a| a.name.as_str());
        assert_eq!(named("camerounais"), Some("Cameroon"));
        assert_eq!(named("schweizerischen"), Some("Switzerland"));
        assert_eq!(named("française"), Some("France"));
        assert_eq!(named("Schweizer"), Some("Switzerland"));
        // A name the package gives where German has no adjective is no
        // adjective: lower-cased, "Réunion" is the French for a meeting.
        assert_eq!(named("réunion"), None);
        assert_eq!(named("jersey"), None);
    }
}
