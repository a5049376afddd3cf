//! Every country as an actor, from the `keshvar` crate: its English short
//! name, its German and French names, and its demonym; and its capital,
//! which news uses for its government ("Washington", "Islamabad"), from the
//! `iso-rs` crate (MIT, built on the REST Countries data). The subject lexicon
//! adds to it and overrides it: a country the lexicon already names keeps
//! the lexicon's name and role and gains the gazetteer's names as aliases.

use super::{Actor, Role};

/// The languages whose names of a country are read as its aliases.
const LANGUAGES: [&str; 2] = ["de", "fr"];

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
pub(super) fn add_countries(actors: &mut Vec<Actor>) {
    // A name already taken (by the lexicon, by a country before, or twice in
    // one country's list) keeps its first owner: "American" is the United
    // States', not its islands'.
    let mut taken: std::collections::HashSet<String> =
        actors.iter().flat_map(|a| a.aliases.iter().chain(std::iter::once(&a.name))).cloned().collect();
    for country in keshvar::CountryIterator::new() {
        let english = country.iso_short_name();
        // The register's short name and the first of its other names, the
        // English one in common use ("Bolivia", "Iran"); the rest of that list
        // is in other languages.
        let mut names: Vec<&str> = vec![english];
        names.extend(country.unofficial_name_list().first().copied().filter(|n| n.is_ascii()));
        let mut aliases: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        for lang in LANGUAGES {
            if let Some(t) = country.translations().get(lang) {
                aliases.push(t.to_string());
            }
        }
        if let Some(demonym) = country.maybe_nationality() {
            aliases.push(demonym.to_string());
        }
        aliases.extend(capital_of(&country).map(str::to_string));
        // A name with a bracket or a comma is a register's, not a reporter's.
        aliases.retain(|a| !a.is_empty() && !a.contains(['(', ')', ',']));
        let known = actors.iter().position(|a| names.iter().any(|n| a.name == *n || a.aliases.iter().any(|x| x == n)));
        aliases.retain(|a| taken.insert(a.clone()));
        match known {
            Some(at) => actors[at].aliases.extend(aliases),
            None if !aliases.is_empty() => actors.push(Actor {
                name: aliases[0].clone(),
                role: Role::Either,
                government: None,
                usual_category: None,
                aliases,
            }),
            None => {}
        }
    }
}
