//! The lexicon: everything the classifier knows about the subject it tracks
//! (actors, sources, cue phrases), read from TOML. The default, for aid to
//! Ukraine, is `data/lexicon.toml`, compiled into the binary; a user replaces
//! it with `--lexicon FILE` to track another subject without touching code.

use crate::labels::{Category, SourceKind, Status};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

mod gazetteer;
mod phrases;
mod words;

use phrases::{is_word_byte, PhraseIndex};
pub use words::{strip_word_suffix, ByteSet, WordList};

/// The lexicon shipped with the binary.
pub const DEFAULT_TOML: &str = include_str!("../../data/lexicon.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    pub recipient: String,
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub start_phrases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub government: Option<String>,
    /// The kind its aid usually is, for figures whose text names no kind.
    #[serde(default)]
    pub usual_category: Option<Category>,
    pub aliases: Vec<String>,
    /// The source its officials speak as when no `government` is given: a
    /// gazetteer country's "Government of …". Only a title beside the name
    /// makes it speak ("Pakistan's Prime Minister's Office said"); the name
    /// alone stays the place or the party.
    #[serde(skip)]
    pub officials_speak_as: Option<String>,
}

impl Actor {
    /// The source its officials speak as: its government, or a gazetteer
    /// country's "Government of …".
    pub fn officials_voice(&self) -> Option<&String> {
        self.government.as_ref().or(self.officials_speak_as.as_ref())
    }
}

/// The part an actor plays in the figures it is named with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// It gives: a donor government, a bank, a fund.
    #[default]
    Giver,
    /// It receives: the subject, a country at war.
    Recipient,
    /// Either, told by the words before its name ("aid to Sudan", "Sudan's
    /// pledge"): every country of the gazetteer the lexicon does not name.
    Either,
    /// Neither: named in the news of the subject, but no party to its aid
    /// (the other side of a war).
    Neither,
}

impl Actor {
    /// Only a recipient, whatever the words around it.
    pub fn is_recipient(&self) -> bool {
        self.role == Role::Recipient
    }

    /// May give, where the words around it allow.
    pub fn can_give(&self) -> bool {
        matches!(self.role, Role::Giver | Role::Either)
    }

    /// May receive, where the words around it allow.
    pub fn can_receive(&self) -> bool {
        matches!(self.role, Role::Recipient | Role::Either)
    }
}

/// The built-in list of actors beside the subject's.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Gazetteer {
    /// Every country, with its English, German and French names and its demonym.
    #[serde(default)]
    pub countries: bool,
    /// The international bodies: UN agencies, the World Bank and the IMF,
    /// EU institutions, regional development banks, international NGOs.
    #[serde(default)]
    pub bodies: bool,
    /// How a country's government is named as a source, `{country}` standing
    /// for the country's name: "Government of {country}". Without it the
    /// gazetteer's countries have no government to speak as.
    #[serde(default)]
    pub government: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    pub before: Vec<String>,
    pub after: Vec<String>,
    #[serde(default)]
    pub carry: Vec<String>,
    /// The last word before a body's name in "according to a tally by the
    /// Kiel Institute": by, of, from.
    #[serde(default)]
    pub tally: Vec<String>,
    /// Verbs a country's government speaks with after an aside: "Kyiv,
    /// heavily dependent on aid, said …".
    #[serde(default)]
    pub speaking: Vec<String>,
    /// Titles of a government's people and offices ("prime minister",
    /// "Regierung", "ministre"): a country named beside one speaks as its
    /// government.
    #[serde(default)]
    pub officials: Vec<String>,
    /// Words near a research body's name that say the article draws on its
    /// numbers without a verb: "tracker", "study", "Studie", "étude" (any case).
    #[serde(default)]
    pub research_words: Vec<String>,
}

/// How an article's address shows that an institution published it
/// itself: its releases speak in the institution's voice, so every figure
/// in one is the institution's ("institutional releases carry their own
/// institution").
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Endings of a host that only governments and their agencies are
    /// given: "gov" (state.gov), "gov.au" (dfat.gov.au), "gouv.fr".
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Folders of a site that hold its press releases: "press-releases",
    /// "pressemitteilungen", "communiques" (whole folder names, any case).
    #[serde(default)]
    pub folders: Vec<String>,
}

impl Release {
    /// Whether an article at `url` is an institution's own release.
    pub fn is_release(&self, url: &str) -> bool {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let host_is = |ending: &str| host == ending || host.strip_suffix(ending).is_some_and(|h| h.ends_with('.'));
        let path = path.split(['?', '#']).next().unwrap_or(path);
        // The last part is the page itself, not a folder.
        let folders = path.split('/').filter(|f| !f.is_empty()).collect::<Vec<_>>();
        let folders = &folders[..folders.len().saturating_sub(1)];
        self.hosts.iter().any(|h| host_is(h))
            || folders.iter().any(|f| self.folders.iter().any(|r| r.eq_ignore_ascii_case(f)))
    }
}

/// Bodies that pass laws: a vote in one chamber leaves a law pending until
/// the whole has passed it.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Legislature {
    #[serde(default)]
    pub chambers: Vec<String>,
    #[serde(default)]
    pub whole: Vec<String>,
    /// The verbs of a chamber's vote ("passed", "adopted"): a vote whose
    /// sentence names no chamber is the chamber's named before it.
    #[serde(default)]
    pub votes: Vec<String>,
    /// Pending cues that say a deal still awaits a formal decision ("must
    /// still be approved", "subject to approval"), not that it was once
    /// held up: said of a deal beside its figures, they make them pending.
    #[serde(default)]
    pub awaiting_decision: Vec<String>,
}

/// Words that say what a figure measures over time.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ScopeWords {
    /// A running total, summed over time: "so far", "to date", "insgesamt", "au total".
    #[serde(default)]
    pub running_total: Vec<String>,
    /// The auxiliary of a tense that reports a sum so far ("has provided
    /// $175 billion"): a running total, unless `one_amount` stands before it.
    #[serde(default)]
    pub perfect: Vec<String>,
    /// Words right before an amount that make it one amount, even after a
    /// perfect: "has approved a $61 billion package", "another $2 billion".
    #[serde(default)]
    pub one_amount: Vec<String>,
    /// The word that opens a period still running: "since 2022", "seit Februar 2022".
    #[serde(default)]
    pub since: Vec<String>,
    /// Words before a year that make it the period: "in 2023", "en 2023".
    #[serde(default)]
    pub within: Vec<String>,
    /// The receiving side's words for aid that arrived: "received", "erhalten",
    /// "reçu". In a running total they report what donors provided; money
    /// received is disbursed.
    #[serde(default)]
    pub received: Vec<String>,
    /// Two words naming the year of publication: "this year", "cette année".
    #[serde(default)]
    pub this_year: Vec<String>,
}

/// Words around an actor that say which part it plays.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// The actor that a group of givers is reported as: "the US and its
    /// allies", "Western partners" and "donors" are one reader's name for the
    /// same givers, so that their figures meet in one metric. Must name an actor.
    #[serde(default)]
    pub group: Option<String>,
    /// Words right after a giver that join others to it in one group of
    /// givers: "the United States and its allies", "Deutschland und seine Partner".
    #[serde(default)]
    pub joined_after: Vec<String>,
    /// Words right before an actor that make it a destination, a channel or a
    /// measure of comparison, never the giver: "into", "through", "than", "other".
    #[serde(default)]
    pub not_giver_before: Vec<String>,
    /// Words right before an actor that make it the receiver, when its role
    /// is either: "aid to Sudan", "für den Sudan", "pour Haïti".
    #[serde(default)]
    pub receiver_before: Vec<String>,
    /// Words right before an actor that make it the place something happens
    /// ("donors in Paris", "a meeting at Brussels"), unless an amount stands
    /// right before the word ("$61 billion in US aid").
    #[serde(default)]
    pub place_before: Vec<String>,
    /// Capitalised words that start no name of a place: pronouns and
    /// determiners ("It", "This", "Das", "Cette"), so that "It will receive"
    /// or "Das Land erhält" names no receiver.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Verbs right after an actor that make it the receiver, whatever its
    /// role: "Senegal will receive", "Pakistan can draw", "der Sudan erhält".
    #[serde(default)]
    pub receiver_after: Vec<String>,
    /// Articles that may stand between such a word and the actor.
    #[serde(default)]
    pub articles: Vec<String>,
}

/// Words between an amount and its conversion in brackets: "€50 billion
/// (about $55 billion)".
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    #[serde(default)]
    pub approximately: Vec<String>,
}

/// The small words that tie the parts of a sentence together.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Joining {
    /// "and": two kinds named together, an amount of a list on each side.
    #[serde(default)]
    pub and: Vec<String>,
    /// "or": two kinds named as alternatives.
    #[serde(default)]
    pub or: Vec<String>,
    /// What may stand between two recipients of one list: "and", ",", "as well as".
    #[serde(default)]
    pub recipients: Vec<String>,
    /// After the amount, before its giver: "€1.1 billion from Sweden".
    #[serde(default)]
    pub giver_after_amount: Vec<String>,
    /// The ending of a giver's name that owns the amount after it: "America's €114bn".
    #[serde(default)]
    pub possessive: Vec<String>,
    /// Between an amount and a cost word that names it: "$300 billion of frozen assets".
    #[serde(default)]
    pub amount_of: Vec<String>,
    /// Between a whole and its part: "the $95 billion package, of which $61 billion".
    #[serde(default)]
    pub of_which: Vec<String>,
    /// Before recipients added to one named earlier: "a package that also
    /// covers Israel and Taiwan", "auch", "aussi".
    #[serde(default)]
    pub also: Vec<String>,
}

/// The lexicon as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub subject: Subject,
    #[serde(rename = "actor", default)]
    pub actors: Vec<Actor>,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    pub attribution: Attribution,
    /// category label → cue phrases; also `not_aid` and `aid_despite`.
    pub category: BTreeMap<String, toml::Value>,
    /// status label → cue phrases.
    pub status: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub legislature: Legislature,
    #[serde(default)]
    pub release: Release,
    #[serde(default)]
    pub scope: ScopeWords,
    #[serde(default)]
    pub roles: Roles,
    #[serde(default)]
    pub conversion: Conversion,
    #[serde(default)]
    pub joining: Joining,
    #[serde(default)]
    pub gazetteer: Gazetteer,
}

/// What a phrase in the text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Actor(usize),
    Source(usize),
    Category(Category),
    NotAid,
    AidDespite,
    /// A running total over every kind ("combined", "as a bloc").
    Aggregate,
    Status(Status),
    AttributionBefore,
    AttributionAfter,
    AttributionCarry,
    SubjectStart,
    /// One chamber of a legislature ("House", "Senate").
    Chamber,
    /// A running total: "so far", "to date", "bislang", "à ce jour".
    RunningTotal,
    /// The auxiliary of a perfect tense ("has", "have").
    Perfect,
    /// What makes a law whole ("Congress", "signed into law").
    WholeLegislature,
    /// A title of a government's people or offices ("prime minister").
    Official,
    /// A verb that makes the name before it the receiver ("will receive",
    /// "erhält"): `roles.receiver_after`.
    ReceivingVerb,
}

/// A cue found in the text: byte offsets and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

/// Why a lexicon could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconError(pub String);

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

/// A lexicon ready to match: one index of every phrase.
#[derive(Debug)]
pub struct Lexicon {
    pub file: LexiconFile,
    phrases: PhraseIndex,
    /// Per distinct phrase: what it means (a phrase can be an actor and a
    /// source at once: "Pentagon"), and whether its case must match exactly.
    patterns: Vec<(Vec<Cue>, bool)>,
    pattern_text: Vec<String>,
    /// The research bodies' names alone: a quick scan of a whole article
    /// for the tracker or study it may draw its figures from.
    research: Option<(AhoCorasick, Vec<(usize, String)>)>,
    /// The actor a group of givers is reported as (`roles.group`).
    pub giver_group: Option<usize>,
    /// The small word lists the labels ask most, ready to ask.
    pub lists: Lists,
    /// Each actor's index by its name: labels hold names, and a label asks
    /// of the actor behind one (its government, its usual kind) per figure.
    actors_by_name: rustc_hash::FxHashMap<String, usize>,
}

/// The lists of the lexicon that are asked of nearly every cue, each as a
/// `WordList` (cheap to ask), made once when the lexicon is read.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// `roles.articles`.
    pub articles: WordList,
    /// `roles.not_giver_before`, split into one-word entries and phrases.
    pub not_giver_before: WordsBefore,
    /// `roles.receiver_before`, split the same way.
    pub receiver_before: WordsBefore,
    /// `roles.place_before`, split the same way.
    pub place_before: WordsBefore,
    /// `roles.not_names`.
    pub not_names: WordList,
    /// `scope.since`.
    pub since: WordList,
    /// `scope.within`.
    pub within: WordList,
    /// The first words of `scope.this_year`'s phrases.
    pub this_year_first: WordList,
    /// `roles.receiver_after`.
    pub receiver_after: WordList,
    /// The first bytes of `since`, `within` and `this_year_first`.
    pub scope_initials: ByteSet,
    /// The words of `since` and `this_year_first`, found anywhere in a
    /// text in any case: a sentence with none of them and no year names no
    /// period (`Lists::names_a_period_start`).
    period_words: Option<AhoCorasick>,
    /// `legislature.awaiting_decision`, leftmost-longest, as written or
    /// with a capital first.
    awaiting_decision: Option<AhoCorasick>,
}

impl Lists {
    /// Where the phrases of `legislature.awaiting_decision` stand in `text`,
    /// as whole words ("the deal must still be approved by the board").
    pub fn awaiting_decision_in(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(ac) = self.awaiting_decision.as_ref() else { return Vec::new() };
        let bytes = text.as_bytes();
        ac.find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, e)| {
                let glued_before = s > 0 && phrases::is_word_byte(bytes[s - 1]) && phrases::is_word_byte(bytes[s]);
                let glued_after =
                    e < bytes.len() && phrases::is_word_byte(bytes[e]) && phrases::is_word_byte(bytes[e - 1]);
                !(glued_before || glued_after)
            })
            .collect()
    }

    /// Whether a word of `scope.since` or the first of a `scope.this_year`
    /// phrase stands anywhere in `text`, ASCII letters in any case (as part
    /// of a word too: a quick test that misses none).
    pub fn names_a_period_start(&self, text: &str) -> bool {
        self.period_words.as_ref().is_some_and(|ac| ac.is_match(text))
    }
}

/// The forms of a phrase that running text writes: as listed, in lower
/// case, and with a capital first (a sentence's start). An automaton
/// matched with case over these lets its SIMD prefilter skip ahead, where a
/// case-blind one reads every byte.
fn case_forms(p: &str) -> Vec<String> {
    let lower = p.to_lowercase();
    let mut chars = lower.chars();
    let capital = chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default();
    let mut forms = vec![p.to_string(), lower, capital];
    forms.sort();
    forms.dedup();
    forms.retain(|f| !f.is_empty());
    forms
}

/// A list of words that may stand before an actor: its one-word entries,
/// matched against the word before (an article skipped), and its phrases,
/// matched whole against the text before, their article included.
#[derive(Debug, Clone, Default)]
pub struct WordsBefore {
    pub words: WordList,
    pub phrases: WordList,
}

impl WordsBefore {
    fn new(entries: &[String]) -> WordsBefore {
        let (phrases, words): (Vec<&String>, Vec<&String>) = entries.iter().partition(|e| e.contains(' '));
        WordsBefore { words: WordList::new(words), phrases: WordList::new(phrases) }
    }
}

impl Lexicon {
    /// True when `text` starts with a verb of `roles.receiver_after`, as a whole word.
    pub fn starts_with_receiving_verb(&self, text: &str) -> bool {
        self.lists.receiver_after.starts(text)
    }

    /// The lexicon shipped with the binary.
    pub fn default_lexicon() -> &'static Lexicon {
        static DEFAULT: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        DEFAULT.get_or_init(|| {
            Lexicon::from_toml("data/lexicon.toml", DEFAULT_TOML).expect("the shipped lexicon is valid")
        })
    }

    /// Reads a lexicon; `name` is only for messages.
    pub fn from_toml(name: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let mut file: LexiconFile =
            toml::from_str(text).map_err(|e| LexiconError(format!("{name}: {}", one_line(&e.to_string()))))?;
        if let Some(g) = &file.gazetteer.government {
            if !g.contains(gazetteer::COUNTRY_PLACEHOLDER) {
                return Err(LexiconError(format!(
                    "{name}: gazetteer.government {g:?} names no country: put {} where the name goes",
                    gazetteer::COUNTRY_PLACEHOLDER
                )));
            }
        }
        if file.gazetteer.countries {
            gazetteer::add_countries(&mut file.actors, &mut file.sources, file.gazetteer.government.as_deref());
        }
        if file.gazetteer.bodies {
            gazetteer::add_bodies(&mut file.actors, &mut file.sources);
        }
        // Looked for in lower-cased text.
        for w in &mut file.attribution.research_words {
            *w = w.to_lowercase();
        }
        let mut patterns: Vec<(Vec<Cue>, bool)> = Vec::new();
        let mut pattern_text: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut add = |phrase: &str, cue: Cue| {
            let phrase = phrase.trim();
            if phrase.is_empty() {
                return;
            }
            // A capital letter makes the case matter: "US" is not "us".
            let exact = phrase.chars().any(char::is_uppercase);
            // The automaton matches without case; phrases that differ only
            // in case share a pattern, and the exact check picks among them.
            let key = if exact { phrase.to_string() } else { phrase.to_lowercase() };
            match index.get(&key) {
                Some(&i) => {
                    if !patterns[i].0.contains(&cue) {
                        patterns[i].0.push(cue);
                    }
                }
                None => {
                    index.insert(key, patterns.len());
                    pattern_text.push(phrase.to_string());
                    patterns.push((vec![cue], exact));
                }
            }
        };
        for (i, a) in file.actors.iter().enumerate() {
            for alias in &a.aliases {
                add(alias, Cue::Actor(i));
            }
        }
        for (i, s) in file.sources.iter().enumerate() {
            for alias in &s.aliases {
                add(alias, Cue::Source(i));
            }
        }
        for (label, value) in &file.category {
            let phrases = string_list(value)
                .ok_or_else(|| LexiconError(format!("{name}: category.{label} must be a list of strings")))?;
            let cue = match label.as_str() {
                "not_aid" => Cue::NotAid,
                "aggregate" => Cue::Aggregate,
                "aid_despite" => Cue::AidDespite,
                other => Cue::Category(other.parse().map_err(|e| LexiconError(format!("{name}: {e}")))?),
            };
            for p in phrases {
                add(p, cue);
            }
        }
        for (label, phrases) in &file.status {
            let status: Status = label.parse().map_err(|e| LexiconError(format!("{name}: {e}")))?;
            for p in phrases {
                add(p, Cue::Status(status));
            }
        }
        for p in &file.attribution.before {
            add(p, Cue::AttributionBefore);
        }
        for p in &file.attribution.after {
            add(p, Cue::AttributionAfter);
        }
        for p in &file.attribution.carry {
            add(p, Cue::AttributionCarry);
        }
        for p in &file.attribution.officials {
            add(p, Cue::Official);
        }
        for p in &file.roles.receiver_after {
            add(p, Cue::ReceivingVerb);
        }
        for p in &file.subject.start_phrases {
            add(p, Cue::SubjectStart);
        }
        for p in &file.legislature.chambers {
            add(p, Cue::Chamber);
        }
        for p in &file.legislature.whole {
            add(p, Cue::WholeLegislature);
        }
        for p in &file.scope.running_total {
            add(p, Cue::RunningTotal);
        }
        for p in &file.scope.perfect {
            add(p, Cue::Perfect);
        }
        if patterns.is_empty() {
            return Err(LexiconError(format!("{name}: the lexicon has no phrases")));
        }
        let giver_group = match &file.roles.group {
            None => None,
            Some(g) => Some(
                file.actors
                    .iter()
                    .position(|a| &a.name == g)
                    .ok_or_else(|| LexiconError(format!("{name}: roles.group {g:?} is not the name of an actor")))?,
            ),
        };
        // A capitalised kind of aid may open a compound, as German writes
        // them: "Nothilfepaket", "Wiederaufbaukonferenz",
        // "Munitionslieferungen". Not a general word ("Mittelmeer").
        let opens_compound = |(cues, exact): &(Vec<Cue>, bool)| {
            *exact && cues.iter().all(|c| matches!(c, Cue::Category(k) if *k != Category::Total))
        };
        let phrases =
            PhraseIndex::new(pattern_text.iter().map(String::as_str).zip(patterns.iter().map(opens_compound)));
        let research_names: Vec<(usize, String)> = file
            .sources
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SourceKind::Research)
            .flat_map(|(i, s)| s.aliases.iter().map(move |a| (i, a.trim().to_string())))
            .filter(|(_, a)| !a.is_empty())
            .collect();
        let research = if research_names.is_empty() {
            None
        } else {
            // Names with capitals match exactly, which keeps the scan on its
            // fast path (a search for rare bytes); lower-case ones in any case.
            let exact = research_names.iter().any(|(_, a)| a.chars().any(char::is_uppercase));
            let all_exact = research_names.iter().all(|(_, a)| a.chars().any(char::is_uppercase));
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(!(exact && all_exact))
                .match_kind(MatchKind::LeftmostLongest)
                .build(research_names.iter().map(|(_, a)| a.as_str()))
                .map_err(|e| LexiconError(format!("{name}: {e}")))?;
            Some((ac, research_names))
        };
        let mut lists = Lists {
            articles: WordList::new(&file.roles.articles),
            not_giver_before: WordsBefore::new(&file.roles.not_giver_before),
            receiver_before: WordsBefore::new(&file.roles.receiver_before),
            place_before: WordsBefore::new(&file.roles.place_before),
            not_names: WordList::new(&file.roles.not_names),
            since: WordList::new(&file.scope.since),
            within: WordList::new(&file.scope.within),
            this_year_first: WordList::new(file.scope.this_year.iter().filter_map(|p| p.split_whitespace().next())),
            receiver_after: WordList::new(&file.roles.receiver_after),
            scope_initials: ByteSet::default(),
            period_words: None,
            awaiting_decision: None,
        };
        lists.scope_initials = ByteSet::initials_of([&lists.since, &lists.within, &lists.this_year_first]);
        let period_words: Vec<&str> = lists.since.iter().chain(lists.this_year_first.iter()).collect();
        if !period_words.is_empty() {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&period_words)
                .map_err(|e| LexiconError(format!("{name}: {e}")))?;
            lists.period_words = Some(ac);
        }
        if !file.legislature.awaiting_decision.is_empty() {
            // Each phrase as written and with a capital first, matched with
            // case: a case-blind automaton finds no byte to skip ahead to
            // and reads every byte of every article (a sixth of the labels'
            // time here), while these few exact forms let its SIMD
            // prefilter jump between candidates.
            let forms: Vec<String> = file.legislature.awaiting_decision.iter().flat_map(|p| case_forms(p)).collect();
            let ac = AhoCorasickBuilder::new()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&forms)
                .map_err(|e| LexiconError(format!("{name}: {e}")))?;
            lists.awaiting_decision = Some(ac);
        }
        let mut actors_by_name = rustc_hash::FxHashMap::default();
        for (i, a) in file.actors.iter().enumerate() {
            actors_by_name.entry(a.name.clone()).or_insert(i);
        }
        Ok(Lexicon { file, phrases, patterns, pattern_text, research, giver_group, lists, actors_by_name })
    }

    /// Every cue in `text[from..to]`, in order, whole words only, the case
    /// checked for phrases that carry capitals. Within each kind of cue
    /// (actors, sources, what, status, attribution) the longest phrase wins,
    /// but kinds do not hide each other: "Ukrainian President" is a source
    /// and its "Ukrainian" still names the actor.
    pub fn hits(&self, text: &str, from: usize, to: usize) -> Vec<Hit> {
        let mut found = Vec::new();
        self.phrases.find(text, from, to, &mut found);
        let mut all: Vec<Hit> = Vec::with_capacity(found.len());
        for f in found {
            let (s, e) = (f.start, f.end);
            let (cues, exact) = &self.patterns[f.id as usize];
            if *exact && text[s..e] != self.pattern_text[f.id as usize] {
                continue;
            }
            // A phrase that ends inside a word opens a compound only before
            // its lower-case rest ("Nothilfepaket", not "NothilfeX").
            let inside_word =
                e < text.len() && is_word_byte(text.as_bytes()[e]) && is_word_byte(text.as_bytes()[e - 1]);
            if inside_word && !text[e..].starts_with(char::is_lowercase) {
                continue;
            }
            // A verb of stage written with a capital between a lower-case
            // word and a capitalised one is a word of a name, not the verb:
            // "the $7 billion Extended Fund Facility".
            let in_a_name = !*exact && capitalised_inside_a_name(text, s, e);
            all.extend(cues.iter().filter(|c| !(in_a_name && matches!(c, Cue::Status(_)))).map(|&cue| Hit {
                start: s,
                end: e,
                cue,
            }));
        }
        // Leftmost-longest within each kind.
        // Stable: the meanings of one phrase keep the lexicon's order.
        all.sort_by_key(|h| (group(h.cue), h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(all.len());
        let mut last: Option<(u8, usize, usize)> = None;
        for h in all {
            let g = group(h.cue);
            match last {
                // The same span, another meaning of the same phrase: keep it too.
                Some((lg, ls, le)) if lg == g && ls == h.start && le == h.end => {}
                Some((lg, _, le)) if lg == g && h.start < le => continue,
                _ => {}
            }
            last = Some((g, h.start, h.end));
            out.push(h);
        }
        out.sort_by_key(|h| (h.start, h.end, group(h.cue)));
        out
    }

    /// Byte spans where a research body is named anywhere in `text`.
    pub fn research_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let Some((ac, names)) = &self.research else { return Vec::new() };
        let bytes = text.as_bytes();
        ac.find_iter(text)
            .filter(|m| {
                let (s, e) = (m.start(), m.end());
                let alias = &names[m.pattern().as_usize()].1;
                let exact = alias.chars().any(char::is_uppercase);
                let glued_before = s > 0 && is_word_byte(bytes[s - 1]) && is_word_byte(bytes[s]);
                let glued_after = e < bytes.len() && is_word_byte(bytes[e]) && is_word_byte(bytes[e - 1]);
                !(glued_before || glued_after) && (!exact || &text[s..e] == alias)
            })
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    pub fn actor(&self, i: usize) -> &Actor {
        &self.file.actors[i]
    }

    /// The actor of that name (the first, should two share it).
    pub fn actor_named(&self, name: &str) -> Option<&Actor> {
        self.actors_by_name.get(name).map(|&i| &self.file.actors[i])
    }

    pub fn source(&self, i: usize) -> &Source {
        &self.file.sources[i]
    }

    /// The source whose name or alias occurs in `text` (an outlet such as
    /// "U.S. Department of State (via EIN Presswire)").
    pub fn source_named_in(&self, text: &str) -> Option<usize> {
        self.hits(text, 0, text.len()).into_iter().find_map(|h| match h.cue {
            Cue::Source(i) => Some(i),
            _ => None,
        })
    }

    pub fn recipient_actor(&self) -> Option<usize> {
        self.file.actors.iter().position(|a| a.name == self.file.subject.recipient)
    }
}

/// Whether `text[s..e]` starts with a capital and stands between a word
/// that starts in lower case (or a number) and one that starts with a
/// capital: a word of a name in running text ("billion Extended Fund").
fn capitalised_inside_a_name(text: &str, s: usize, e: usize) -> bool {
    let starts_upper = text[s..e].chars().next().is_some_and(char::is_uppercase);
    let word_before = text[..s].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let lower_before = word_before.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let upper_after = text[e..].trim_start().chars().next().is_some_and(char::is_uppercase);
    starts_upper && lower_before && upper_after && !text[..s].trim_end().is_empty()
}

/// Kinds of cue that compete for the same words.
fn group(c: Cue) -> u8 {
    match c {
        Cue::Actor(_) => 0,
        Cue::Source(_) => 1,
        Cue::Category(_) | Cue::NotAid => 2,
        Cue::Status(_) => 3,
        Cue::AttributionBefore | Cue::AttributionAfter | Cue::AttributionCarry => 4,
        Cue::SubjectStart => 5,
        Cue::AidDespite => 6,
        Cue::Aggregate => 8,
        Cue::RunningTotal => 9,
        Cue::Perfect => 10,
        Cue::Official => 11,
        Cue::ReceivingVerb => 12,
        Cue::Chamber | Cue::WholeLegislature => 7,
    }
}

fn string_list(v: &toml::Value) -> Option<Vec<&str>> {
    v.as_array()?.iter().map(|x| x.as_str()).collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicon_loads() {
        let lex = Lexicon::default_lexicon();
        assert_eq!(lex.file.subject.recipient, "Ukraine");
        assert!(lex.recipient_actor().is_some());
    }

    #[test]
    fn case_matters_only_for_phrases_with_capitals() {
        let lex = Lexicon::default_lexicon();
        let text = "Sources told us the US sent aid.";
        let hits = lex.hits(text, 0, text.len());
        let words: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert!(words.contains(&"Sources"), "{words:?}");
        assert!(words.contains(&"US"), "{words:?}");
        assert!(!words.contains(&"us"), "{words:?}");
        assert!(words.contains(&"sent"), "{words:?}");
    }

    #[test]
    fn whole_words_only() {
        let lex = Lexicon::default_lexicon();
        let text = "Eurostat and Kievan Rus";
        assert!(lex.hits(text, 0, text.len()).iter().all(|h| !matches!(h.cue, Cue::Actor(_))));
    }

    #[test]
    fn bad_lexicons_are_named() {
        let e = Lexicon::from_toml("my.toml", "[subject]\nname = 1").unwrap_err();
        assert!(e.to_string().starts_with("my.toml: "), "{e}");
        let bad_status = DEFAULT_TOML.replace("[status]\npending", "[status]\nwaiting");
        let e = Lexicon::from_toml("x.toml", &bad_status).unwrap_err();
        assert!(e.to_string().contains("unknown status \"waiting\""), "{e}");
        let bad_group = DEFAULT_TOML.replace("group = \"All donors\"", "group = \"Everyone\"");
        let e = Lexicon::from_toml("x.toml", &bad_group).unwrap_err();
        assert_eq!(e.to_string(), "x.toml: roles.group \"Everyone\" is not the name of an actor");
        let bad_kind = DEFAULT_TOML.replacen("kind = \"research\"", "kind = \"blog\"", 1);
        let e = Lexicon::from_toml("x.toml", &bad_kind).unwrap_err();
        assert!(e.to_string().contains("blog"), "{e}");
        let no_country =
            DEFAULT_TOML.replace("government = \"Government of {country}\"", "government = \"Government\"");
        let e = Lexicon::from_toml("x.toml", &no_country).unwrap_err();
        assert!(e.to_string().starts_with("x.toml: gazetteer.government \"Government\" names no country"), "{e}");
    }

    #[test]
    fn a_lexicon_names_its_countries_governments() {
        let french = DEFAULT_TOML
            .replace("government = \"Government of {country}\"", "government = \"Gouvernement: {country}\"");
        let lex = Lexicon::from_toml("fr.toml", &french).unwrap();
        assert!(lex.file.sources.iter().any(|s| s.name == "Gouvernement: Pakistan"));
        assert!(!lex.file.sources.iter().any(|s| s.name == "Government of Pakistan"));
        let none = DEFAULT_TOML.replace("government = \"Government of {country}\"", "");
        let lex = Lexicon::from_toml("none.toml", &none).unwrap();
        assert!(lex.file.actors.iter().all(|a| a.officials_speak_as.is_none()));
    }
}
